package dev.sppo.trainer.orchestration;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link JobKind}s of this service: the one that owns a job's config, or none for a batch job. */
@Component
public class JobKinds {

    private final List<JobKind> kinds;

    public JobKinds(List<JobKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public Optional<JobKind> of(Map<String, Object> config) {
        return kinds.stream().filter(kind -> kind.owns(config)).findFirst();
    }
}
