package dev.sppo.trainer.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated {@code POST /jobs} body.
 *
 * @param name the optional {@code name}
 * @param config every other key: a config tree as {@code ./sppo train --config} reads it, plus the service's
 *     {@link JobSection}s (null values allowed, as in YAML)
 * @param owner the user who submits it; null for the platform's own submission
 */
public record JobSubmission(String name, Map<String, Object> config, String owner) {

    public JobSubmission {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
