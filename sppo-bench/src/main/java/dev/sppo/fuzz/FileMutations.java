package dev.sppo.fuzz;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded damage to a file's bytes, as a partial copy or a bad disk leaves it: cut short at a random offset, a few
 * bits flipped, or a run of bytes overwritten with noise or zeros. The same seed gives the same damage.
 */
public final class FileMutations {

    /**
     * Damaged bytes and what was done to them.
     *
     * @param bytes the damaged file
     * @param how the damage, for a report (for example {@code truncated to 117 of 4096 bytes})
     */
    public record Damaged(byte[] bytes, String how) {
    }

    private final Random random;

    public FileMutations(long seed) {
        this.random = new Random(seed);
    }

    /** One seeded kind of damage to {@code original}, which is left as it is. */
    public Damaged damage(byte[] original) {
        byte[] bytes = original.clone();
        return switch (random.nextInt(4)) {
            case 0 -> {
                int length = random.nextInt(Math.max(1, original.length));
                yield new Damaged(Arrays.copyOf(bytes, length), "truncated to " + length + " of " + original.length
                        + " bytes");
            }
            case 1 -> {
                StringBuilder how = new StringBuilder("bits flipped at");
                for (int flips = 1 + random.nextInt(8); flips > 0 && bytes.length > 0; flips--) {
                    int at = headerBiased(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    how.append(' ').append(at);
                }
                yield new Damaged(bytes, how.toString());
            }
            default -> {
                int at = headerBiased(Math.max(1, bytes.length));
                int length = Math.min(bytes.length - at, 1 + random.nextInt(64));
                boolean zeros = random.nextBoolean();
                for (int i = at; i < at + length; i++) {
                    bytes[i] = zeros ? 0 : (byte) random.nextInt(256);
                }
                yield new Damaged(bytes, length + " bytes " + (zeros ? "zeroed" : "overwritten") + " at " + at);
            }
        };
    }

    /** An offset, half the time in the first 512 bytes, where headers and structure are. */
    private int headerBiased(int length) {
        return random.nextBoolean() ? random.nextInt(Math.min(length, 512)) : random.nextInt(length);
    }
}
