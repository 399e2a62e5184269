package dev.sppo.tokenizer;

import static dev.sppo.tokenizer.CharTokenizer.BOS_ID;
import static dev.sppo.tokenizer.CharTokenizer.SPECIAL_TOKENS;
import static dev.sppo.tokenizer.CharTokenizer.UNK_ID;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hugging Face {@code tokenizer.json} of a {@link CharTokenizer}:
 *
 * <ul>
 *   <li>model: WordLevel over the special tokens then the alphabet's characters, unknown characters to
 *       {@code <unk>};
 *   <li>pre-tokenizer: a Split on the regex {@code [\s\S]} (any character, line breaks included), each match
 *       isolated, so every character is one word;
 *   <li>added tokens: the four special tokens, marked special so that decoding skips them;
 *   <li>post-processor: a template that puts {@code <bos>} first, as {@code add_bos_token} says;
 *   <li>decoder: Fuse, which concatenates the tokens.
 * </ul>
 */
final class CharTokenizerJson {

    private CharTokenizerJson() {}

    /**
     * @param alphabet the characters (code points) in id order, after the special tokens
     * @return the {@code tokenizer.json} document
     */
    static JsonObject describe(int[] alphabet) {
        JsonObject json = new JsonObject();
        json.addProperty("version", "1.0");
        json.add("truncation", JsonNull.INSTANCE);
        json.add("padding", JsonNull.INSTANCE);
        json.add("added_tokens", TokenizerJsonParts.addedTokens(SPECIAL_TOKENS));
        json.add("normalizer", JsonNull.INSTANCE);
        json.add("pre_tokenizer", splitEveryCharacter());
        json.add("post_processor", TokenizerJsonParts.bosFirst(SPECIAL_TOKENS.get(BOS_ID), BOS_ID));
        json.add("decoder", TokenizerJsonParts.type("Fuse"));
        json.add("model", TokenizerJsonParts.wordLevel(tokensById(alphabet), SPECIAL_TOKENS.get(UNK_ID)));
        return json;
    }

    private static JsonObject splitEveryCharacter() {
        JsonObject pattern = new JsonObject();
        pattern.addProperty("Regex", "[\\s\\S]");
        JsonObject split = TokenizerJsonParts.type("Split");
        split.add("pattern", pattern);
        split.addProperty("behavior", "Isolated");
        split.addProperty("invert", false);
        return split;
    }

    private static List<String> tokensById(int[] alphabet) {
        List<String> tokens = new ArrayList<>(SPECIAL_TOKENS);
        for (int codePoint : alphabet) {
            tokens.add(Character.toString(codePoint));
        }
        return tokens;
    }
}
