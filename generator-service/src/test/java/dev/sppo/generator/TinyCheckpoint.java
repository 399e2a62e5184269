package dev.sppo.generator;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.task.Tasks;
import dev.sppo.tokenizer.CharTokenizer;

import java.nio.file.Path;
import java.util.Map;

/** A random tiny LLaMA over the addition task's characters, saved as a Hugging Face directory. */
final class TinyCheckpoint {

    private TinyCheckpoint() {}

    static Path write(Path dir, long seed) throws Exception {
        CharTokenizer tokenizer = new CharTokenizer(Tasks.byName("addition").alphabet());
        LlamaConfig config = LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(32).numHiddenLayers(1)
                .numAttentionHeads(2).build();
        try (NDManager manager = NDManager.newBaseManager();
                Policy policy = new Policy(Llama.random(config, manager, seed), tokenizer)) {
            ModelDirectory.save(policy, dir, Map.of());
        }
        return dir;
    }
}
