package dev.sppo.trainer.preferencemodel;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.TrainerProperties;
import dev.sppo.trainer.api.AuditLog;
import dev.sppo.trainer.api.ResourceNotFoundException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Learned preference models over REST (the gateway serves it under {@code /api}): submit a {@code ./sppo
 * train-preference} config tree (plus an optional {@code name}) and follow it to its held-out accuracy and its
 * checkpoint URI, which a job then names as {@code preference.model_uri}.
 */
@RestController
@RequestMapping("/preference-models")
public class PreferenceModelController {

    private final PreferenceModelRepository runs;
    private final PreferenceModelConfigs configs;
    private final PreferenceModelWorker worker;
    private final TrainerProperties properties;
    private final AuditLog audit;

    PreferenceModelController(PreferenceModelRepository runs, PreferenceModelConfigs configs,
            PreferenceModelWorker worker, TrainerProperties properties, AuditLog audit) {
        this.runs = runs;
        this.configs = configs;
        this.worker = worker;
        this.properties = properties;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PreferenceModelRun> submit(@RequestBody Map<String, Object> body, Caller caller) {
        PreferenceModelConfigs.Submission submission = configs.validate(body);
        String id = "pm-" + UUID.randomUUID();
        runs.insert(id, submission.name(), submission.kind(), submission.config(), caller.name());
        audit.record(caller, "submitted", "preference model", id);
        worker.enqueue(id);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(get(id, caller));
    }

    /**
     * The caller's newest runs first (everyone's for an admin), at most {@code limit} (capped by
     * {@code sppo.trainer.list-limit}).
     */
    @GetMapping
    public List<PreferenceModelRun> list(@RequestParam(required = false) Integer limit, Caller caller) {
        return runs.newest(properties.listSize(limit), caller);
    }

    /** One of the caller's runs (anyone's for an admin); another user's is not found. */
    @GetMapping("/{id}")
    public PreferenceModelRun get(@PathVariable String id, Caller caller) {
        return runs.find(id, caller).orElseThrow(() -> new ResourceNotFoundException("preference model", id));
    }
}
