package dev.sppo.tokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** The parts of a Hugging Face {@code tokenizer.json} that the tokenizers this project writes have in common. */
final class TokenizerJsonParts {

    private TokenizerJsonParts() {}

    /** {@code added_tokens}: the special tokens with ids 0, 1, ..., marked special so that decoding skips them. */
    static JsonArray addedTokens(List<String> specialTokens) {
        JsonArray tokens = new JsonArray();
        for (int id = 0; id < specialTokens.size(); id++) {
            JsonObject token = new JsonObject();
            token.addProperty("id", id);
            token.addProperty("content", specialTokens.get(id));
            token.addProperty("single_word", false);
            token.addProperty("lstrip", false);
            token.addProperty("rstrip", false);
            token.addProperty("normalized", false);
            token.addProperty("special", true);
            tokens.add(token);
        }
        return tokens;
    }

    /** A TemplateProcessing post-processor that puts {@code bos} (id {@code bosId}) before each sequence. */
    static JsonObject bosFirst(String bos, int bosId) {
        JsonObject processor = type("TemplateProcessing");
        processor.add("single", template(bos, "A"));
        processor.add("pair", template(bos, "A", "B"));
        JsonObject bosEntry = new JsonObject();
        bosEntry.addProperty("id", bos);
        JsonArray ids = new JsonArray();
        ids.add(bosId);
        bosEntry.add("ids", ids);
        JsonArray bosTokens = new JsonArray();
        bosTokens.add(bos);
        bosEntry.add("tokens", bosTokens);
        JsonObject specialTokens = new JsonObject();
        specialTokens.add(bos, bosEntry);
        processor.add("special_tokens", specialTokens);
        return processor;
    }

    /** A WordLevel model whose token i has id i. */
    static JsonObject wordLevel(List<String> tokensById, String unkToken) {
        JsonObject vocab = new JsonObject();
        for (int id = 0; id < tokensById.size(); id++) {
            vocab.addProperty(tokensById.get(id), id);
        }
        JsonObject model = type("WordLevel");
        model.add("vocab", vocab);
        model.addProperty("unk_token", unkToken);
        return model;
    }

    /** An object {@code {"type": type}}, to add a component's fields to. */
    static JsonObject type(String type) {
        JsonObject object = new JsonObject();
        object.addProperty("type", type);
        return object;
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
}
