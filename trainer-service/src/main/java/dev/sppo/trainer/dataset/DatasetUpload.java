package dev.sppo.trainer.dataset;

import dev.sppo.prompts.PromptFields;
import dev.sppo.prompts.PromptFormat;
import dev.sppo.trainer.upload.RejectedUploadException;
import dev.sppo.trainer.upload.UploadParameters;

import org.springframework.http.MediaType;

import java.util.Map;
import java.util.UUID;

/**
 * What {@code POST /datasets} was asked to store, besides the bytes: the body's format (from its
 * {@code Content-Type}), a name, the file's own name, and the fields to read it with.
 *
 * @param name the dataset's label
 * @param fileName the uploaded file's own name, or null
 * @param format JSONL or CSV
 * @param fields the id, prompt and messages field names
 */
public record DatasetUpload(String name, String fileName, PromptFormat format, PromptFields fields) {

    /** The media types {@code POST /datasets} accepts: JSON Lines under either name, or CSV. */
    public static final String JSONL = "application/x-ndjson";
    public static final String JSONL_ALIAS = "application/jsonl";
    public static final String CSV = "text/csv";
    private static final String TITLE = "Invalid dataset upload";

    /**
     * Reads the request's parameters: the engine's default field names where a field is not given, no such form
     * where it is given empty ({@code messages_field=} reads only plain prompts).
     *
     * @throws RejectedUploadException naming the parameter that cannot be used
     */
    public static DatasetUpload of(String name, String fileName, MediaType contentType, String idField, String promptField,
            String messagesField) {
        UploadParameters.requireText(TITLE, "name", name);
        if (fileName != null) {
            UploadParameters.requireText(TITLE, "file_name", fileName);
        }
        PromptFormat format = MediaType.parseMediaType(CSV).isCompatibleWith(contentType) ? PromptFormat.CSV
                : PromptFormat.JSONL;
        try {
            PromptFields fields = new PromptFields(orDefault(idField, PromptFields.DEFAULT.id()),
                    orDefault(promptField, PromptFields.DEFAULT.prompt()),
                    orDefault(messagesField, PromptFields.DEFAULT.messages()));
            if (format == PromptFormat.CSV && fields.prompt() == null) {
                throw new IllegalArgumentException("prompt_field: a CSV file needs a prompt column; it cannot be empty");
            }
            return new DatasetUpload(name, fileName, format, fields);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw refused(colon < 0 ? "fields" : message.substring(0, colon), message);
        }
    }

    /** The row this upload becomes once its bytes were received and counted. */
    Dataset toDataset(UUID id, String sha256, long bytes, long prompts) {
        return new Dataset(id, name, fileName, Dataset.formatName(format), fields, sha256, bytes, prompts, null);
    }

    private static String orDefault(String given, String fallback) {
        if (given == null) {
            return fallback;
        }
        return given.isEmpty() ? null : given;
    }

    private static RejectedUploadException refused(String parameter, String detail) {
        return new RejectedUploadException(TITLE, detail, Map.of("parameter", parameter));
    }
}
