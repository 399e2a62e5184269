package dev.sppo.trainer.api;

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

    public ModelController(ModelUploads uploads, BaseModelRepository models, TrainerProperties properties) {
        this.uploads = uploads;
        this.models = models;
        this.properties = properties;
    }

    @PostMapping(consumes = {"application/x-tar", "application/gzip", "application/x-gzip",
            "application/octet-stream"})
    public ResponseEntity<BaseModel> upload(@RequestParam String name, HttpServletRequest request) throws IOException {
        BaseModel model = uploads.upload(UploadParameters.requireText("Invalid model upload", "name", name),
                request.getInputStream(), request.getContentLengthLong());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(model.id())
                .toUri();
        return ResponseEntity.created(location).body(model);
    }

    /** The newest models first, at most {@code limit} (capped by {@code sppo.trainer.list-limit}). */
    @GetMapping
    public List<BaseModel> list(@RequestParam(required = false) Integer limit) {
        return models.newest(properties.listSize(limit));
    }

    @GetMapping("/{id}")
    public BaseModel get(@PathVariable String id) {
        return models.find(id).orElseThrow(() -> new ResourceNotFoundException("model", id));
    }
}
