package dev.sppo.trainer.dataset;

import dev.sppo.prompts.PromptFields;
import dev.sppo.prompts.PromptFormat;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A row of {@code datasets}: an uploaded prompt file, checked line by line by the engine's prompt reader, stored
 * under the checkpoint store's {@code datasets/} directory. A job names it as {@code prompts: {dataset: <id>}}.
 *
 * @param id a random UUID; the stored file is {@code datasets/<id>.<format>}
 * @param name the uploader's label
 * @param fileName the uploaded file's own name, if the uploader gave it
 * @param format {@code jsonl} or {@code csv}
 * @param fields the id, prompt and messages fields the file was read with (a null prompt or messages field: that
 *     form is not read)
 * @param sha256 SHA-256 of the file's bytes as uploaded
 * @param bytes the file's size
 * @param prompts how many prompts it holds
 * @param createdAt when it was recorded (set by the database)
 */
public record Dataset(
        UUID id, String name, String fileName, String format, PromptFields fields, String sha256, long bytes,
        long prompts, Instant createdAt) {

    /** The name of {@code format} in the API and the table. */
    static String formatName(PromptFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /** The stored file's name in the datasets directory; its extension tells the prompt reader the format. */
    String storedFileName() {
        return id + "." + format;
    }
}
