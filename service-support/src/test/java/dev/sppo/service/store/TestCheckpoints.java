package dev.sppo.service.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checkpoint directories for the store tests. */
final class TestCheckpoints {

    private TestCheckpoints() {}

    /**
     * Writes a checkpoint directory at {@code dir}: a config naming {@code id}, a tokenizer and a weight shard of
     * {@code weightBytes} bytes ({@code shards/model-00001.safetensors}).
     */
    static Path write(Path dir, String id, int weightBytes) throws IOException {
        Files.createDirectories(dir.resolve("shards"));
        Files.writeString(dir.resolve("config.json"), "{\"id\": \"" + id + "\"}");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("shards/model-00001.safetensors"), "w".repeat(weightBytes));
        return dir;
    }
}
