package dev.sppo.trainer.api;

import dev.sppo.contracts.job.CheckpointView;
import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;
import dev.sppo.trainer.checkpoint.CheckpointStore;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Checkpoint metadata, and the checkpoint's Hugging Face directory as a zip download; a checkpoint of another user's
 * job is not found.
 */
@RestController
@RequestMapping("/checkpoints")
public class CheckpointController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final CheckpointRepository checkpoints;
    private final CheckpointStore store;
    private final OwnedJobs jobs;

    CheckpointController(CheckpointRepository checkpoints, CheckpointStore store, OwnedJobs jobs) {
        this.checkpoints = checkpoints;
        this.store = store;
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    public CheckpointView get(@PathVariable String id, Caller caller) {
        return JobViews.checkpoint(find(id, caller));
    }

    /** config.json, model.safetensors and the tokenizer files at the archive's root. */
    @GetMapping("/{id}/archive")
    public ResponseEntity<StreamingResponseBody> archive(@PathVariable String id, Caller caller) {
        Checkpoint checkpoint = find(id, caller);
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(id + ".zip").build()
                        .toString())
                .body(out -> store.writeArchive(checkpoint.uri(), out));
    }

    /** The checkpoint, if the caller may see its job; else the 404 of an unknown checkpoint. */
    private Checkpoint find(String id, Caller caller) {
        return checkpoints.find(id).filter(checkpoint -> jobs.sees(checkpoint.jobId(), caller))
                .orElseThrow(() -> new ResourceNotFoundException("checkpoint", id));
    }
}
