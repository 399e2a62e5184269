package dev.sppo.prompts;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.sppo.chat.ChatMessage;
import dev.sppo.checkpoint.Digests;

import java.nio.charset.StandardCharsets;

/**
 * The hashes behind prompt ids and the train/eval split.
 *
 * <p><b>Content id.</b> A prompt without an id of its own gets the first 16 lower-case hex digits (64 bits) of
 * the SHA-256 of the UTF-8 bytes of its canonical form: the compact JSON
 * <pre>
 *   {"prompt":"TEXT"}                                              a plain prompt
 *   {"messages":[{"role":"ROLE","content":"TEXT"},...]}           a chat prompt, messages in order
 * </pre>
 * with no spaces, keys in that order, non-ASCII characters written as they are, and {@code "}, {@code \} and
 * control characters escaped; this is Python's {@code json.dumps(obj, ensure_ascii=False, separators=(",", ":"))}
 * except that U+2028 and U+2029 are written as {@code \u2028} and {@code \u2029}. Metadata is not part of it, so
 * the same content twice is a duplicate id, and a CSV row gets the id its JSONL twin gets.
 *
 * <p><b>Split hash.</b> {@link #unitInterval} maps an id to u = (the first 53 bits of SHA-256(UTF-8 of the id),
 * read big-endian) / 2^53, in [0, 1); it depends on the id alone.
 */
public final class PromptIds {

    private static final Gson CANONICAL = new GsonBuilder().disableHtmlEscaping().create();
    private static final int CONTENT_ID_HEX_DIGITS = 16;
    private static final int UNUSED_BITS = Long.SIZE - 53;
    private static final double TWO_TO_MINUS_53 = 0x1p-53;

    private PromptIds() {}

    /** The content id of {@code content}, as above. */
    public static String contentId(PromptContent content) {
        return sha256Hex(canonicalJson(content)).substring(0, CONTENT_ID_HEX_DIGITS);
    }

    /** The canonical JSON of {@code content} that {@link #contentId} hashes. */
    static String canonicalJson(PromptContent content) {
        JsonObject json = new JsonObject();
        if (content instanceof PlainPrompt plain) {
            json.addProperty("prompt", plain.text());
        } else if (content instanceof ChatPrompt chat) {
            JsonArray messages = new JsonArray();
            for (ChatMessage m : chat.messages()) {
                JsonObject message = new JsonObject();
                message.addProperty("role", m.role());
                message.addProperty("content", m.content());
                messages.add(message);
            }
            json.add("messages", messages);
        }
        return CANONICAL.toJson(json);
    }

    /** u(id) in [0, 1), as above. */
    public static double unitInterval(String id) {
        long first64 = Long.parseUnsignedLong(sha256Hex(id).substring(0, 16), 16);
        return (first64 >>> UNUSED_BITS) * TWO_TO_MINUS_53;
    }

    private static String sha256Hex(String text) {
        return Digests.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
