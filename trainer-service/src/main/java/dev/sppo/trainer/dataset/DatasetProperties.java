package dev.sppo.trainer.dataset;

import dev.sppo.trainer.upload.UploadLimit;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The service's settings for uploaded prompt datasets ({@code sppo.trainer.datasets.*}).
 *
 * @param maxBytes the largest prompt file {@code POST /datasets} accepts (a larger one is a 413)
 */
@Validated
@ConfigurationProperties("sppo.trainer.datasets")
public record DatasetProperties(@NotNull @DefaultValue("512MB") DataSize maxBytes) {

    public UploadLimit limit() {
        return new UploadLimit(maxBytes.toBytes(), "sppo.trainer.datasets.max-bytes");
    }
}
