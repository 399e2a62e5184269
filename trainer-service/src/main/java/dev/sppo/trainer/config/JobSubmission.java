package dev.sppo.trainer.config;

import dev.sppo.trainer.continuous.ContinuousSettings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated {@code POST /jobs} body.
 *
 * @param name the optional {@code name}
 * @param config every other key: a config tree as {@code ./sppo train --config} reads it (null values allowed,
 *     as in YAML)
 */
public record JobSubmission(String name, Map<String, Object> config) {

    public JobSubmission {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** Whether the config has a {@code continuous} section: the job consumes {@code sppo.prompts}. */
    public boolean isContinuous() {
        return ContinuousSettings.isContinuous(config);
    }
}
