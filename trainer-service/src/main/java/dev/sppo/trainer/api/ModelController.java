package dev.sppo.trainer.api;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.basemodel.BaseModel;
import dev.sppo.trainer.basemodel.BaseModelRepository;
import dev.sppo.trainer.basemodel.ModelUploads;
import dev.sppo.trainer.upload.UploadParameters;

import jakarta.servlet.http.HttpServletRequest;

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
 * Models to start jobs from, over REST (the gateway serves it under {@code /api}). {@code POST /models?name=...}
 * takes a Hugging Face model directory as a tar archive (gzip-compressed or not) in the request body,
 * {@code Content-Type: application/x-tar}, {@code application/gzip} or {@code application/octet-stream}: it is
 * unpacked as it streams in. 201 with the recorded model, which a job names as {@code base: {model: <id>}}; 413
 * beyond {@code sppo.trainer.models.max-bytes}; 400 for an unsafe entry or a model the engine cannot load.
 */
@RestController
@RequestMapping("/models")
public class ModelController {

    private final ModelUploads uploads;
    private final BaseModelRepository models;
    private final TrainerProperties properties;
    private final AuditLog audit;

    ModelController(ModelUploads uploads, BaseModelRepository models, TrainerProperties properties, AuditLog audit) {
        this.uploads = uploads;
        this.models = models;
        this.properties = properties;
        this.audit = audit;
    }

    @PostMapping(consumes = {"application/x-tar", "application/gzip", "application/x-gzip",
            "application/octet-stream"})
    public ResponseEntity<BaseModel> upload(@RequestParam String name, HttpServletRequest request, Caller caller)
            throws IOException {
        BaseModel model = uploads.upload(UploadParameters.requireText("Invalid model upload", "name", name),
                caller.name(), request.getInputStream(), request.getContentLengthLong());
        audit.record(caller, "uploaded", "model", model.id());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(model.id())
                .toUri();
        return ResponseEntity.created(location).body(model);
    }

    /**
     * The caller's newest models first (everyone's for an admin), at most {@code limit} (capped by
     * {@code sppo.trainer.list-limit}).
     */
    @GetMapping
    public List<BaseModel> list(@RequestParam(required = false) Integer limit, Caller caller) {
        return models.newest(properties.listSize(limit), caller);
    }

    /** One of the caller's models (anyone's for an admin); another user's is not found. */
    @GetMapping("/{id}")
    public BaseModel get(@PathVariable String id, Caller caller) {
        return models.find(id, caller).orElseThrow(() -> new ResourceNotFoundException("model", id));
    }
}
