package dev.sppo.preference.learned;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.model.InvalidModelConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The settings of an {@link EncoderHeadModel}, kept as {@value #FILE_NAME} in its directory.
 *
 * @param template the text the encoder reads, with {@code {prompt}} and {@code {response}} filled in
 * @param maxLength the longest encoding in tokens; longer texts are truncated
 * @param hiddenSize H, the head's hidden width
 */
public record EncoderHeadConfig(String template, int maxLength, int hiddenSize) {

    public static final String FILE_NAME = "encoder-head.json";
    /** The prompt and its response as one text: the response continues the prompt. */
    public static final String DEFAULT_TEMPLATE = "{prompt} {response}";
    /** all-MiniLM-L6-v2's sentence-transformers {@code max_seq_length}. */
    public static final int DEFAULT_MAX_LENGTH = 256;

    public EncoderHeadConfig {
        if (template == null || !template.contains("{response}")) {
            throw new IllegalArgumentException("template must contain {response}, got " + template);
        }
        if (maxLength < 2) {
            throw new IllegalArgumentException("max_length must be >= 2, got " + maxLength);
        }
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hidden_size must be >= 1, got " + hiddenSize);
        }
    }

    /** The default template and length with a head of width {@code hiddenSize}. */
    public static EncoderHeadConfig withHiddenSize(int hiddenSize) {
        return new EncoderHeadConfig(DEFAULT_TEMPLATE, DEFAULT_MAX_LENGTH, hiddenSize);
    }

    void write(Path dir) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("template", template);
        json.addProperty("max_length", maxLength);
        json.addProperty("hidden_size", hiddenSize);
        Files.writeString(dir.resolve(FILE_NAME), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
                .create().toJson(json) + "\n", StandardCharsets.UTF_8);
    }

    /** @throws MalformedCheckpointException naming the file and the field at fault */
    static EncoderHeadConfig read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new MalformedCheckpointException(file, "missing");
        }
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            if (!json.has("template") || !json.get("template").isJsonPrimitive()) {
                throw new IllegalArgumentException("missing required field 'template'");
            }
            return new EncoderHeadConfig(json.get("template").getAsString(),
                    ConfigFields.requiredInt(json, "", "max_length"), ConfigFields.requiredInt(json, "", "hidden_size"));
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException
                | InvalidModelConfigException e) {
            throw new MalformedCheckpointException(file, e.getMessage());
        }
    }
}
