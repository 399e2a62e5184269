package dev.sppo.trainer.upload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An upload whose content cannot be used (a bad line of a prompt file, an unsafe entry of a model archive): 400,
 * and nothing of it is kept. The detail and the properties name the place inside the upload, never a path on the
 * trainer's disk.
 */
public final class RejectedUploadException extends RuntimeException {

    private final String title;
    private final transient Map<String, Object> properties;

    /**
     * @param title the kind of refusal, for example {@code Invalid prompt file}
     * @param detail what is wrong and where, for example {@code line 3, field 'prompt': empty prompt}
     * @param properties the problem body's extra members, for example {@code line} and {@code field}
     */
    public RejectedUploadException(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
