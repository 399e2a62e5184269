package dev.sppo.generator;

import dev.sppo.service.auth.AuditPublisher;
import dev.sppo.service.FieldProblems;
import dev.sppo.service.auth.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

import java.util.Collection;

/**
 * Version pinning of this replica ({@code /pins}, under {@code /api} at the gateway): list the jobs it serves,
 * pin a job to a version ({@code PUT /pins/{jobId}} with {@code {"version": v}}), unpin it. The gateway lets only
 * admins through; each pin and unpin is recorded, naming the admin and this replica, in the trainer-service's
 * {@code audit_log} ({@link AuditPublisher}) before it is made, and not made when it cannot be recorded.
 */
@RestController
class PinController {

    /** The body of {@code PUT /pins/{jobId}}. */
    record PinBody(@NotNull @Min(0) Integer version) {}

    private final VersionPins pins;
    private final AuditPublisher audit;
    private final String replica;

    PinController(VersionPins pins, AuditPublisher audit, GenerationService generation) {
        this.pins = pins;
        this.audit = audit;
        this.replica = generation.instanceId();
    }

    @GetMapping("/pins")
    Collection<PinView> list() {
        return pins.views().values();
    }

    @PutMapping("/pins/{jobId}")
    PinView pin(@PathVariable String jobId, @Valid @RequestBody PinBody body, Caller caller) {
        pins.requireKnown(jobId, body.version());
        audit.record(caller, "pinned to version " + body.version() + " on " + replica, "job", jobId);
        return pins.pin(jobId, body.version());
    }

    /** 204 once unpinned; a 404 problem when the job was not pinned. */
    @DeleteMapping("/pins/{jobId}")
    ResponseEntity<Void> unpin(@PathVariable String jobId, Caller caller) {
        if (!pins.isPinned(jobId)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, FieldProblems.problem(HttpStatus.NOT_FOUND,
                    "Not pinned", "job " + jobId + " is not pinned on this replica"), null);
        }
        audit.record(caller, "unpinned on " + replica, "job", jobId);
        pins.unpin(jobId);
        return ResponseEntity.noContent().build();
    }
}
