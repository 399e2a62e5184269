package dev.sppo.fuzz;

import dev.sppo.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Seeded records that no consumer may accept, and the odd keys they travel under. Payload kinds in turn: random
 * bytes, truncated JSON, JSON of another shape, an unknown contract version (for {@code sppo.prompts}, which has no
 * version: a prompt with both text and messages), an empty payload, and a payload just under the producer's
 * default limit ({@value #NEAR_LIMIT_BYTES} bytes), which a dead-letter copy with its reason headers must still fit.
 */
public final class MalformedPayloads {

    /** A payload this close to the default {@code max.request.size} of 1 MiB, less room for key and headers. */
    public static final int NEAR_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;
    private static final int KINDS = 6;
    private static final String VALID_SHAPE = "{\"version\":1,\"job_id\":\"fuzz-job\",\"iteration\":0,"
            + "\"prompt_id\":\"p-1\",\"responses\":[{\"text\":\"a\"},{\"text\":\"b\"}]}";
    private static final String PROMPT_BOTH = "{\"id\":\"fuzz-both\",\"prompt\":\"1+1=\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"1+1=\"}]}";
    private static final List<String> OTHER_SHAPES = List.of("[]", "42", "\"text\"", "null", "true",
            "[{\"version\": 1}]", "{\"id\": \"\", \"prompt\": \"1+1=\"}", "{\"id\": \"x\"}");

    private final JsonMutator random;

    public MalformedPayloads(long seed) {
        this.random = new JsonMutator(seed);
    }

    /** The {@code i}-th malformed payload for {@code topic}. */
    public byte[] payload(String topic, int i) {
        String text = switch (i % KINDS) {
            case 0 -> null;
            case 1 -> VALID_SHAPE.substring(0, 1 + random.nextInt(VALID_SHAPE.length() - 1));
            case 2 -> OTHER_SHAPES.get(random.nextInt(OTHER_SHAPES.size()));
            case 3 -> topic.equals(Topics.PROMPTS) ? PROMPT_BOTH
                    : VALID_SHAPE.replace("\"version\":1", "\"version\":" + (2 + random.nextInt(1000)));
            case 4 -> "";
            default -> "{\"id\": \"" + "9".repeat(NEAR_LIMIT_BYTES) + "\"";
        };
        return text == null ? random.bytes(1 + random.nextInt(2000)) : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The {@code i}-th odd key: none, empty, bytes that are not UTF-8, a 4 KB key, or text a key is rarely given;
     * a key only routes, so none may change what becomes of a record.
     */
    public byte[] key(int i) {
        return switch (i % 6) {
            case 0 -> null;
            case 1 -> new byte[0];
            case 2 -> random.bytes(1 + random.nextInt(64));
            case 3 -> "k".repeat(4096).getBytes(StandardCharsets.UTF_8);
            case 4 -> "ключ ☃ \u0000 ../".getBytes(StandardCharsets.UTF_8);
            default -> ("fuzz-" + i).getBytes(StandardCharsets.UTF_8);
        };
    }
}
