package dev.sppo.trainer.basemodel;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code models}: a Hugging Face model directory uploaded as an archive and unpacked into the models root.
 * A job starts from it with {@code base: {model: <id>}}.
 *
 * @param id a random UUID; the directory is {@code <models root>/<id>}
 * @param name the uploader's label
 * @param modelType the {@code model_type} its {@code config.json} names ({@code llama}, {@code qwen2}, ...)
 * @param sha256 SHA-256 of the archive as uploaded
 * @param bytes the archive's size
 * @param createdAt when it was recorded (set by the database)
 */
public record BaseModel(UUID id, String name, String modelType, String sha256, long bytes, Instant createdAt) {}
