package dev.sppo.tokenizer;

import java.nio.file.Path;
import java.util.List;

/**
 * What this project uses of a Hugging Face {@code generation_config.json}. It is read beside the tokenizer because
 * its {@code eos_token_id} names the tokens that end a response, which for a chat model include the end-of-turn
 * token ({@code <|eot_id|>}, {@code <|im_end|>}) that its template writes after every turn. Null fields are unset.
 *
 * <p>The sampling fields are defaults for a caller that was given none: see {@link #temperatureOr}, {@link #topKOr}
 * and {@link #topPOr}. Unlike transformers, a file that does not set {@code do_sample} does not make greedy decoding
 * the default; only {@code "do_sample": false} does.
 *
 * @param eosTokenIds {@code eos_token_id}, one id or a list; empty if unset
 * @param padTokenId {@code pad_token_id}
 * @param doSample {@code do_sample}
 * @param temperature {@code temperature}, at least 0
 * @param topK {@code top_k}, at least 0 (0: off)
 * @param topP {@code top_p}, in (0, 1]
 */
public record GenerationConfig(
        List<Integer> eosTokenIds, Integer padTokenId, Boolean doSample, Double temperature, Integer topK,
        Double topP) {

    /** The file name inside a model directory. */
    public static final String FILE_NAME = "generation_config.json";

    /** A directory without the file. */
    public static final GenerationConfig EMPTY = new GenerationConfig(List.of(), null, null, null, null, null);

    public GenerationConfig {
        eosTokenIds = List.copyOf(eosTokenIds);
    }

    /**
     * @param dir a model directory
     * @return its generation configuration, or {@link #EMPTY} if it has no {@value #FILE_NAME}
     * @throws MalformedTokenizerException if the file is not valid JSON or a used field has the wrong type or range
     */
    public static GenerationConfig readIfPresent(Path dir) {
        return JsonFields.readIfPresent(dir.resolve(FILE_NAME)).map(GenerationConfig::read).orElse(EMPTY);
    }

    private static GenerationConfig read(JsonFields fields) {
        Double temperature = fields.number("temperature");
        Double topP = fields.number("top_p");
        if (temperature != null && temperature < 0) {
            throw new MalformedTokenizerException(fields.file(), "temperature must be at least 0, not " + temperature);
        }
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new MalformedTokenizerException(fields.file(), "top_p must be in (0, 1], not " + topP);
        }
        return new GenerationConfig(fields.nonNegativeInts("eos_token_id"), fields.nonNegativeInt("pad_token_id"),
                fields.bool("do_sample"), temperature, fields.nonNegativeInt("top_k"), topP);
    }

    /** @return 0 (greedy) if {@code do_sample} is false, else {@code temperature} if set, else {@code fallback} */
    public double temperatureOr(double fallback) {
        if (Boolean.FALSE.equals(doSample)) {
            return 0.0;
        }
        return temperature != null ? temperature : fallback;
    }

    /** @return {@code top_k} if set, else {@code fallback} */
    public int topKOr(int fallback) {
        return topK != null ? topK : fallback;
    }

    /** @return {@code top_p} if set, else {@code fallback} */
    public double topPOr(double fallback) {
        return topP != null ? topP : fallback;
    }
}
