package dev.sppo.trainer.basemodel;

import dev.sppo.trainer.upload.UploadLimit;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * The service's settings for the models jobs start from ({@code sppo.trainer.models.*}).
 *
 * @param root the models root ({@code SPPO_MODELS_DIR}, by default {@code <checkpoint-dir>/models}): uploaded models
 *     are unpacked here, an operator may place Hugging Face directories here, and a job's {@code base.path} must lie
 *     inside it
 * @param maxBytes the largest model archive {@code POST /models} accepts, and the most its files may add up to once
 *     unpacked (either beyond it is a 413)
 */
@Validated
@ConfigurationProperties("sppo.trainer.models")
public record ModelProperties(@NotNull Path root, @NotNull @DefaultValue("32GB") DataSize maxBytes) {

    public UploadLimit limit() {
        return new UploadLimit(maxBytes.toBytes(), "sppo.trainer.models.max-bytes");
    }
}
