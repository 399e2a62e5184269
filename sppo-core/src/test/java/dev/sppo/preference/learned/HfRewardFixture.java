package dev.sppo.preference.learned;

import dev.sppo.checkpoint.DType;
import dev.sppo.checkpoint.HfLlamaFixture;
import dev.sppo.checkpoint.SafeTensorsWriter;
import dev.sppo.checkpoint.Tensor;
import dev.sppo.tokenizer.CharTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tiny {@code LlamaForSequenceClassification} reward model as Hugging Face exports one: the hand-built LLaMA of
 * {@link HfLlamaFixture} (grouped-query attention, every projection non-square) with the classification fields in
 * its raw {@code config.json}, {@code score.weight} instead of {@code lm_head.weight}, and a character tokenizer.
 */
final class HfRewardFixture {

    static final String ALPHABET = HfLlamaFixture.ALPHABET;
    static final int HIDDEN = HfLlamaFixture.HIDDEN;
    static final String CONFIG_JSON = HfLlamaFixture.CONFIG_JSON
            .replace("LlamaForCausalLM", "LlamaForSequenceClassification")
            .replace("\"eos_token_id\": 2,", """
                    "eos_token_id": 2,
                      "pad_token_id": 0,
                      "id2label": {"0": "LABEL_0"},
                      "label2id": {"LABEL_0": 0},""");

    private HfRewardFixture() {}

    /** Every tensor, seeded: the backbone's and {@code score.weight} of shape (rows, columns). */
    static List<Tensor> tensors(long seed, int rows, int columns) {
        List<Tensor> tensors = new ArrayList<>(HfLlamaFixture.tensors(seed).stream()
                .filter(t -> !t.name().equals("lm_head.weight")).toList());
        tensors.add(HfLlamaFixture.random(new SplittableRandom(seed + 1), "score.weight", rows, columns));
        return tensors;
    }

    static void write(Path dir, String configJson, List<Tensor> tensors) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), configJson);
        new CharTokenizer(ALPHABET).save(dir);
        SafeTensorsWriter.write(dir.resolve("model.safetensors"), tensors, Map.of("format", "pt"), DType.F32);
    }
}
