package dev.sppo.textdemo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences split into the ones a model trains on and the ones it is evaluated on, each list in the corpus's order.
 *
 * @param train the training sentences
 * @param heldOut the held-out sentences, none of them in {@code train}
 */
public record Corpus(List<String> train, List<String> heldOut) {

    public Corpus {
        train = List.copyOf(train);
        heldOut = List.copyOf(heldOut);
    }

    /**
     * Splits sentences by a hash of each: a sentence is held out when the first 53 bits of the SHA-256 of its
     * lower-cased UTF-8 text, read as a fraction of 2^53, fall below {@code heldOutFraction}. A sentence therefore
     * stays on its side whatever else the corpus holds, and the split is the same on every machine.
     *
     * @param heldOutFraction the expected share of held-out sentences, in [0, 1]
     */
    public static Corpus split(List<String> sentences, double heldOutFraction) {
        if (!(heldOutFraction >= 0 && heldOutFraction <= 1)) {
            throw new IllegalArgumentException("heldOutFraction must be in [0, 1], got " + heldOutFraction);
        }
        List<String> train = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        for (String sentence : sentences) {
            (position(sentence) < heldOutFraction ? heldOut : train).add(sentence);
        }
        return new Corpus(train, heldOut);
    }

    /** Where a sentence's hash falls in [0, 1). */
    static double position(String sentence) {
        byte[] digest = sha256(sentence.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
