package dev.sppo.tokenizer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Text to token ids and back, with the special tokens a causal language model needs.
 *
 * <p>Token ids lie in {@code [0, vocabSize())}. {@link #encode} never adds special tokens; {@link #encodePrompt}
 * adds the beginning-of-sequence token when the tokenizer is configured to (Hugging Face {@code add_bos_token}, or
 * a post-processor that inserts it). Neither truncates nor pads.
 */
public interface TextTokenizer extends AutoCloseable {

    /**
     * @param text any text
     * @return the token ids of {@code text}, without special tokens
     */
    int[] encode(String text);

    /**
     * @param text a prompt
     * @return the token ids of {@code text}, preceded by {@link #bosId()} when the tokenizer adds it
     */
    int[] encodePrompt(String text);

    /**
     * @param ids token ids, each in {@code [0, vocabSize())}
     * @return the text of {@code ids}, special tokens skipped
     * @throws IllegalArgumentException if an id lies outside the vocabulary
     */
    String decode(int[] ids);

    /** @return the number of token ids, i.e. one more than the largest id */
    int vocabSize();

    /** @return the beginning-of-sequence id, or -1 if the tokenizer has none */
    int bosId();

    /** @return the end-of-sequence id, or -1 if the tokenizer has none */
    int eosId();

    /** @return the padding id; {@link #eosId()} when the tokenizer has no padding token */
    int padId();

    /**
     * The ids that end a response: the EOS id and, for a model whose {@code generation_config.json} names more
     * ({@code eos_token_id} as a list, such as a chat model's end-of-turn token), those too.
     *
     * @return the stop ids, each once; just {@link #eosId()} unless the tokenizer knows more, none without an EOS
     */
    default List<Integer> stopIds() {
        return eosId() >= 0 ? List.of(eosId()) : List.of();
    }

    /**
     * The chat templates of the model directory this tokenizer was read from. A rendered conversation already
     * holds every special token its template writes, BOS included: encode it with {@link #encode}, never with
     * {@link #encodePrompt}.
     *
     * @return the templates and the special tokens they may use, or empty if the model has no chat template
     */
    default Optional<ChatTemplateSource> chatTemplates() {
        return Optional.empty();
    }

    /**
     * Writes {@code tokenizer.json} and {@code tokenizer_config.json} (and the other files the tokenizer was read
     * from) into {@code dir} (created if needed), so that {@link Tokenizers#load(Path)} on {@code dir} gives back an
     * equivalent tokenizer.
     *
     * @param dir the target directory
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    void save(Path dir);

    /** Releases native resources, if any. */
    @Override
    default void close() {}
}
