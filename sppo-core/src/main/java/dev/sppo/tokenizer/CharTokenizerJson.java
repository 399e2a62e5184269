package dev.sppo.tokenizer;

import static dev.sppo.tokenizer.CharTokenizer.BOS_ID;
import static dev.sppo.tokenizer.CharTokenizer.SPECIAL_TOKENS;
import static dev.sppo.tokenizer.CharTokenizer.UNK_ID;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

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
        json.add("added_tokens", addedTokens());
        json.add("normalizer", JsonNull.INSTANCE);
        json.add("pre_tokenizer", splitEveryCharacter());
        json.add("post_processor", bosFirst());
        json.add("decoder", type("Fuse"));
        json.add("model", wordLevel(alphabet));
        return json;
    }

    private static JsonArray addedTokens() {
        JsonArray tokens = new JsonArray();
        for (int id = 0; id < SPECIAL_TOKENS.size(); id++) {
            JsonObject token = new JsonObject();
            token.addProperty("id", id);
            token.addProperty("content", SPECIAL_TOKENS.get(id));
            token.addProperty("single_word", false);
            token.addProperty("lstrip", false);
            token.addProperty("rstrip", false);
            token.addProperty("normalized", false);
            token.addProperty("special", true);
            tokens.add(token);
        }
        return tokens;
    }

    private static JsonObject splitEveryCharacter() {
        JsonObject pattern = new JsonObject();
        pattern.addProperty("Regex", "[\\s\\S]");
        JsonObject split = type("Split");
        split.add("pattern", pattern);
        split.addProperty("behavior", "Isolated");
        split.addProperty("invert", false);
        return split;
    }

    private static JsonObject bosFirst() {
        String bos = SPECIAL_TOKENS.get(BOS_ID);
        JsonObject processor = type("TemplateProcessing");
        processor.add("single", template(bos, "A"));
        processor.add("pair", template(bos, "A", "B"));
        JsonObject bosEntry = new JsonObject();
        bosEntry.addProperty("id", bos);
        bosEntry.add("ids", singleton(BOS_ID));
        JsonArray bosTokens = new JsonArray();
        bosTokens.add(bos);
        bosEntry.add("tokens", bosTokens);
        JsonObject specialTokens = new JsonObject();
        specialTokens.add(bos, bosEntry);
        processor.add("special_tokens", specialTokens);
        return processor;
    }

    /** The template "special token, then each sequence", sequence {@code i} having type id {@code i}. */
    private static JsonArray template(String specialToken, String... sequences) {
        JsonArray pieces = new JsonArray();
        pieces.add(templatePiece("SpecialToken", specialToken, 0));
        for (int i = 0; i < sequences.length; i++) {
            pieces.add(templatePiece("Sequence", sequences[i], i));
        }
        return pieces;
    }

    private static JsonObject templatePiece(String kind, String id, int typeId) {
        JsonObject body = new JsonObject();
        body.addProperty("id", id);
        body.addProperty("type_id", typeId);
        JsonObject piece = new JsonObject();
        piece.add(kind, body);
        return piece;
    }

    private static JsonObject wordLevel(int[] alphabet) {
        JsonObject vocab = new JsonObject();
        for (int id = 0; id < SPECIAL_TOKENS.size(); id++) {
            vocab.addProperty(SPECIAL_TOKENS.get(id), id);
        }
        for (int i = 0; i < alphabet.length; i++) {
            vocab.addProperty(Character.toString(alphabet[i]), SPECIAL_TOKENS.size() + i);
        }
        JsonObject model = type("WordLevel");
        model.add("vocab", vocab);
        model.addProperty("unk_token", SPECIAL_TOKENS.get(UNK_ID));
        return model;
    }

    private static JsonArray singleton(int value) {
        JsonArray array = new JsonArray();
        array.add(value);
        return array;
    }

    private static JsonObject type(String type) {
        JsonObject object = new JsonObject();
        object.addProperty("type", type);
        return object;
    }
}
