package dev.sppo.trainer.api;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.dataset.Dataset;
import dev.sppo.trainer.dataset.DatasetStore;
import dev.sppo.trainer.dataset.DatasetUpload;
import dev.sppo.trainer.dataset.DatasetUploads;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Prompt datasets over REST (the gateway serves it under {@code /api}). {@code POST /datasets?name=...} takes the
 * file itself as the request body, {@code Content-Type: application/x-ndjson} (or {@code application/jsonl}) for
 * JSON Lines, {@code text/csv} for CSV: the body streams to disk as it arrives, with no multipart parsing (and so
 * no multipart size limits or temporary copies) here or in the gateway. 201 with the stored dataset; 413 beyond
 * {@code sppo.trainer.datasets.max-bytes}; 400 naming the line and field of the first bad line; 415 for another
 * content type.
 */
@RestController
@RequestMapping("/datasets")
public class DatasetController {

    private final DatasetUploads uploads;
    private final DatasetStore store;
    private final TrainerProperties properties;
    private final AuditLog audit;

    DatasetController(DatasetUploads uploads, DatasetStore store, TrainerProperties properties, AuditLog audit) {
        this.uploads = uploads;
        this.store = store;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * @param fileName the file's own name, recorded as given
     * @param idField the id field or column ({@code id} if not given)
     * @param promptField the plain prompt field or column ({@code prompt}; empty: plain prompts are not read)
     * @param messagesField the chat messages field ({@code messages}; empty: chat prompts are not read)
     */
    @PostMapping(consumes = {DatasetUpload.JSONL, DatasetUpload.JSONL_ALIAS, DatasetUpload.CSV})
    public ResponseEntity<Dataset> upload(@RequestParam String name,
            @RequestParam(name = "file_name", required = false) String fileName,
            @RequestParam(name = "id_field", required = false) String idField,
            @RequestParam(name = "prompt_field", required = false) String promptField,
            @RequestParam(name = "messages_field", required = false) String messagesField,
            HttpServletRequest request, Caller caller) throws IOException {
        DatasetUpload upload = DatasetUpload.of(name, fileName, MediaType.parseMediaType(request.getContentType()),
                idField, promptField, messagesField);
        Dataset dataset = uploads.upload(upload, caller.name(), request.getInputStream(),
                request.getContentLengthLong());
        audit.record(caller, "uploaded", "dataset", dataset.id());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(dataset.id())
                .toUri();
        return ResponseEntity.created(location).body(dataset);
    }

    /**
     * The caller's newest datasets first (everyone's for an admin), at most {@code limit} (capped by
     * {@code sppo.trainer.list-limit}).
     */
    @GetMapping
    public List<Dataset> list(@RequestParam(required = false) Integer limit, Caller caller) {
        return store.newest(properties.listSize(limit), caller);
    }

    /** One of the caller's datasets (anyone's for an admin); another user's is not found. */
    @GetMapping("/{id}")
    public Dataset get(@PathVariable String id, Caller caller) {
        return store.find(id, caller).orElseThrow(() -> new ResourceNotFoundException("dataset", id));
    }
}
