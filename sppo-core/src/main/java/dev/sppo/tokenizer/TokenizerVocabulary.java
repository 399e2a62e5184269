package dev.sppo.tokenizer;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The token-to-id table of a Hugging Face {@code tokenizer.json}: the model's {@code vocab} (an object of
 * token to id for BPE, WordLevel and WordPiece; an array of {@code [piece, score]} pairs indexed by id for Unigram)
 * overlaid with {@code added_tokens}, which take precedence as in the tokenizers library.
 *
 * <p>The file is streamed, so the merges of a large byte-level BPE are skipped rather than held in memory.
 */
final class TokenizerVocabulary {

    /** The file name inside a model directory. */
    static final String FILE_NAME = "tokenizer.json";

    private final Map<String, Integer> idsByToken;
    private final String[] tokensById;

    private TokenizerVocabulary(Map<String, Integer> idsByToken) {
        this.idsByToken = Collections.unmodifiableMap(idsByToken);
        int size = idsByToken.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        this.tokensById = new String[size];
        idsByToken.forEach((token, id) -> tokensById[id] = token);
    }

    /**
     * @param file a {@code tokenizer.json}
     * @return its vocabulary
     * @throws MalformedTokenizerException if the file is not valid JSON, has no {@code model.vocab}, or holds a
     *     negative id
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    static TokenizerVocabulary read(Path file) {
        return JsonFiles.read(file, reader -> new Parser(file, reader).parse());
    }

    /** @return one more than the largest id */
    int size() {
        return tokensById.length;
    }

    /**
     * @param token a token's text
     * @return its id, or empty if the vocabulary does not hold it
     */
    OptionalInt idOf(String token) {
        Integer id = idsByToken.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * @param id an id in {@code [0, size())}
     * @return the token with that id, or null where the vocabulary leaves the id unused
     */
    String tokenOf(int id) {
        return tokensById[id];
    }

    /** Reads the two fields that hold tokens and skips everything else. */
    private static final class Parser {
        private final Path file;
        private final JsonReader reader;
        private final Map<String, Integer> modelVocab = new HashMap<>();
        private final Map<String, Integer> addedTokens = new HashMap<>();
        private boolean sawModelVocab;

        Parser(Path file, JsonReader reader) {
            this.file = file;
            this.reader = reader;
        }

        TokenizerVocabulary parse() throws IOException {
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "model" -> readModel();
                    case "added_tokens" -> readAddedTokens();
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (!sawModelVocab) {
                throw new MalformedTokenizerException(file, "it has no model.vocab");
            }
            modelVocab.putAll(addedTokens);
            return new TokenizerVocabulary(modelVocab);
        }

        private void readModel() throws IOException {
            reader.beginObject();
            while (reader.hasNext()) {
                if (!reader.nextName().equals("vocab")) {
                    reader.skipValue();
                } else if (reader.peek() == JsonToken.BEGIN_ARRAY) {
                    readUnigramVocab();
                } else {
                    readTokenToIdVocab();
                }
            }
            reader.endObject();
        }

        private void readTokenToIdVocab() throws IOException {
            reader.beginObject();
            while (reader.hasNext()) {
                String token = reader.nextName();
                modelVocab.put(token, checkedId(reader.nextInt(), token));
            }
            reader.endObject();
            sawModelVocab = true;
        }

        private void readUnigramVocab() throws IOException {
            reader.beginArray();
            for (int id = 0; reader.hasNext(); id++) {
                reader.beginArray();
                modelVocab.put(reader.nextString(), id);
                while (reader.hasNext()) {
                    reader.skipValue();
                }
                reader.endArray();
            }
            reader.endArray();
            sawModelVocab = true;
        }

        private void readAddedTokens() throws IOException {
            reader.beginArray();
            while (reader.hasNext()) {
                readAddedToken();
            }
            reader.endArray();
        }

        private void readAddedToken() throws IOException {
            Integer id = null;
            String content = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "id" -> id = reader.nextInt();
                    case "content" -> content = reader.nextString();
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (id == null || content == null) {
                throw new MalformedTokenizerException(file, "an entry of added_tokens lacks its id or content");
            }
            addedTokens.put(content, checkedId(id, content));
        }

        private int checkedId(int id, String token) {
            if (id < 0) {
                throw new MalformedTokenizerException(file, "token '" + token + "' has the negative id " + id);
            }
            return id;
        }
    }
}
