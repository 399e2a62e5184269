package dev.sppo.tokenizer;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hand-written Hugging Face tokenizers (test resources next to this class) laid out as model directories.
 *
 * <p>{@value #BYTE_LEVEL_BPE}: Llama-3 style byte-level BPE; "hello" = 11, "Ġhello" = 12, "Ġworld" = 17,
 * {@code <|begin_of_text|>} = 18, {@code <|end_of_text|>} = 19, {@code <|pad|>} = 20; its post-processor puts
 * {@code <|begin_of_text|>} first, and it asks for truncation at 16 tokens and padding to 32.
 *
 * <p>{@value #SENTENCEPIECE_BPE}: LLaMA-2 style BPE with byte fallback; {@code <unk>} = 0, {@code <s>} = 1,
 * {@code </s>} = 2, "&lt;0x21&gt;" ("!") = 3, "▁hi" = 11, "▁there" = 16; its post-processor puts {@code <s>} first.
 */
final class TokenizerFixtures {

    static final String BYTE_LEVEL_BPE = "byte-level-bpe";
    static final String SENTENCEPIECE_BPE = "sentencepiece-bpe";

    private TokenizerFixtures() {}

    /**
     * @param root where to create the directory
     * @param fixture {@link #BYTE_LEVEL_BPE} or {@link #SENTENCEPIECE_BPE}
     * @param configJson the {@code tokenizer_config.json} to write, or null for none
     * @return a new model directory holding the fixture's {@code tokenizer.json}
     */
    static Path modelDir(Path root, String fixture, String configJson) {
        try (InputStream json = TokenizerFixtures.class.getResourceAsStream(fixture + "/tokenizer.json")) {
            Path dir = Files.createTempDirectory(root, fixture);
            Files.copy(json, dir.resolve("tokenizer.json"));
            if (configJson != null) {
                Files.writeString(dir.resolve("tokenizer_config.json"), configJson, StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the directory's {@code tokenizer.json} with {@code "post_processor": null}. */
    static void removePostProcessor(Path dir) {
        try {
            Path file = dir.resolve("tokenizer.json");
            JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            json.add("post_processor", JsonNull.INSTANCE);
            JsonFiles.write(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
