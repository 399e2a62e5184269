package dev.sppo.chat;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.tokenizer.TextTokenizer;
import dev.sppo.tokenizer.Tokenizers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Tokenizer directories of three chat model families (test resources next to this class), each with its published
 * {@code tokenizer_config.json} (chat template and special tokens), {@code generation_config.json} and a tiny
 * {@code tokenizer.json} whose ids can be checked by hand; {@code src/test/python/chat_templates.py} builds those
 * and renders the expected texts with Jinja2 as transformers does.
 *
 * <ul>
 *   <li>{@value #LLAMA3}: Meta-Llama-3-8B-Instruct. Byte-level BPE, the id of a byte is the byte;
 *       {@code <|begin_of_text|>} 256, {@code <|end_of_text|>} 257, {@code <|start_header_id|>} 258,
 *       {@code <|end_header_id|>} 259, {@code <|eot_id|>} 260 (the EOS); stops on 257 and 260.
 *   <li>{@value #QWEN2_5}: Qwen2.5-0.5B-Instruct, whose template adds a default system prompt. Byte-level BPE;
 *       {@code <|endoftext|>} 256 (padding), {@code <|im_start|>} 257, {@code <|im_end|>} 258 (the EOS); stops on
 *       258 and 256.
 *   <li>{@value #LLAMA2}: Llama-2-7b-chat-hf, whose template folds the system message into the first user turn.
 *       SentencePiece-style BPE: {@code <unk>} 0, {@code <s>} 1, {@code </s>} 2, byte b is b + 3, "▁" 259; every
 *       text after a special token gets a leading "▁", as LLaMA-2's normalizer writes it.
 * </ul>
 */
public final class ChatFixtures {

    public static final String LLAMA3 = "llama3";
    public static final String QWEN2_5 = "qwen2_5";
    public static final String LLAMA2 = "llama2";

    private static final List<String> FILES =
            List.of("tokenizer.json", "tokenizer_config.json", "generation_config.json");

    private ChatFixtures() {}

    /**
     * @param root where to create the directory
     * @param family {@link #LLAMA3}, {@link #QWEN2_5} or {@link #LLAMA2}
     * @return a new directory holding the family's tokenizer files
     */
    public static Path tokenizerDir(Path root, String family) {
        try {
            Path dir = Files.createTempDirectory(root, family);
            for (String file : FILES) {
                try (InputStream in = ChatFixtures.class.getResourceAsStream(family + "/" + file)) {
                    Files.copy(in, dir.resolve(file));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@link #LLAMA2} directory (BOS {@code <s>} = 1) with a chat template of the test's own.
     *
     * @param templateJson the JSON value of {@code chat_template}: a string, or a list of named templates
     * @return a new directory whose {@code tokenizer_config.json} holds only that template and the special tokens
     */
    public static Path tokenizerDirWithTemplate(Path root, String templateJson) {
        Path dir = tokenizerDir(root, LLAMA2);
        try {
            Files.writeString(dir.resolve("tokenizer_config.json"), "{\"add_bos_token\": true, \"bos_token\": \"<s>\","
                    + " \"eos_token\": \"</s>\", \"unk_token\": \"<unk>\", \"chat_template\": " + templateJson + "}");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 1-layer, 32-wide LLaMA with random weights (seed 7) over the family's tokenizer files: a small chat model
     * with the family's template and stop ids.
     *
     * @param dir where to write the Hugging Face directory
     * @return {@code dir}
     */
    public static Path randomChatModel(Path dir, String family) {
        try (TextTokenizer tokenizer = Tokenizers.load(tokenizerDir(dir.getParent(), family));
                NDManager manager = NDManager.newBaseManager()) {
            LlamaConfig config = LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(32).numHiddenLayers(1)
                    .numAttentionHeads(2).build();
            ModelDirectory.save(new Policy(Llama.random(config, manager, 7), tokenizer), dir, Map.of());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
