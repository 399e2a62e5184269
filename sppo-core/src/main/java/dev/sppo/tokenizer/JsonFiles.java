package dev.sppo.tokenizer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Strict reading and pretty writing of the tokenizer's JSON files, with errors that name the file. */
final class JsonFiles {

    /** Reads one JSON document from an open reader; may throw the reader's exceptions. */
    @FunctionalInterface
    interface DocumentReader<T> {
        T read(JsonReader reader) throws IOException;
    }

    private static final String LENIENCY_ADVICE =
            "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";

    /** Deeper than the native tokenizers library's JSON reader goes (128 levels), with room to spare. */
    static final int MAX_DEPTH = 64;
    private static final TypeAdapter<JsonElement> TREE = new Gson().getAdapter(JsonElement.class);

    private JsonFiles() {}

    /**
     * Reads {@code file} as exactly one strict JSON document.
     *
     * @throws MalformedTokenizerException if the file is truncated, is not strict JSON, has trailing content, or
     *     {@code body} rejects its shape
     * @throws UncheckedIOException if the file cannot be read
     */
    static <T> T read(Path file, DocumentReader<T> body) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader reader = new JsonReader(in)) {
            reader.setStrictness(Strictness.STRICT);
            T document = body.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedTokenizerException(
                        file, "unexpected content after the JSON document at " + reader.getPath());
            }
            return document;
        } catch (EOFException
                | CharacterCodingException
                | MalformedJsonException
                | JsonParseException
                | IllegalStateException
                | NumberFormatException e) {
            throw malformed(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer file " + file, e);
        }
    }

    /**
     * Reads {@code file} as one strict JSON document, whole (every string decoded, every number read), nested at
     * most {@value #MAX_DEPTH} levels deep.
     *
     * @throws MalformedTokenizerException as {@link #read} does, and for a document nested deeper
     */
    static JsonElement readTree(Path file) {
        JsonElement tree = read(file, TREE::read);
        if (depth(tree, 0) > MAX_DEPTH) {
            throw new MalformedTokenizerException(file, "JSON nested more than " + MAX_DEPTH + " levels deep");
        }
        return tree;
    }

    private static int depth(JsonElement node, int level) {
        if (level > MAX_DEPTH) {
            return level;
        }
        int deepest = level;
        if (node.isJsonObject()) {
            for (JsonElement child : node.getAsJsonObject().asMap().values()) {
                deepest = Math.max(deepest, depth(child, level + 1));
            }
        } else if (node.isJsonArray()) {
            for (JsonElement child : node.getAsJsonArray()) {
                deepest = Math.max(deepest, depth(child, level + 1));
            }
        }
        return deepest;
    }

    /**
     * Gson wraps the stream's exception in a JsonParseException when it builds a tree: report the stream's, keeping
     * its position but not its advice to Gson's users.
     */
    private static MalformedTokenizerException malformed(Path file, Exception e) {
        Throwable reason = e instanceof JsonParseException && e.getCause() != null ? e.getCause() : e;
        String kind = reason instanceof EOFException
                ? "truncated JSON"
                : reason instanceof CharacterCodingException ? "not UTF-8 text" : "invalid JSON";
        String detail = String.valueOf(reason.getMessage())
                .lines()
                .findFirst()
                .orElse("")
                .replace(LENIENCY_ADVICE, "unexpected value");
        return new MalformedTokenizerException(file, kind + " (" + detail + ")", e);
    }

    /**
     * Writes {@code json} to {@code file} as pretty-printed UTF-8, without HTML escaping and keeping JSON nulls.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    static void write(Path file, JsonElement json) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(json, out);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write tokenizer file " + file, e);
        }
    }
}
