package dev.sppo.checkpoint;

import dev.sppo.model.WeightPrecision;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a model directory is written, as {@code save_pretrained(torch_dtype=..., max_shard_size=...)} does.
 *
 * @param dtype the element type of every saved tensor; float16 and bfloat16 round to nearest even
 * @param maxShardBytes the largest shard: tensors go into {@code model-0000i-of-0000n.safetensors} files of at most
 *     this many tensor bytes (a larger tensor gets a shard of its own) listed by {@code model.safetensors.index.json};
 *     a model that fits writes one {@code model.safetensors}
 */
public record SaveOptions(WeightPrecision dtype, long maxShardBytes) {

    /** float32 in one file: what every checkpoint was before these options existed. */
    public static final SaveOptions DEFAULT = new SaveOptions(WeightPrecision.FLOAT32, Long.MAX_VALUE);

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KB|MB|GB|KIB|MIB|GIB)");

    public SaveOptions {
        if (dtype == null) {
            throw new IllegalArgumentException("save.dtype: required");
        }
        if (maxShardBytes < 1) {
            throw new IllegalArgumentException("save.max_shard_size: must be positive, got " + maxShardBytes);
        }
    }

    /** These options with a shard limit given as transformers reads {@code max_shard_size}; null: unlimited. */
    public static SaveOptions of(WeightPrecision dtype, String maxShardSize) {
        return new SaveOptions(dtype, maxShardSize == null ? Long.MAX_VALUE : parseSize(maxShardSize));
    }

    /**
     * Bytes from a size such as {@code 5GB} (10⁹ each, as transformers counts), {@code 500MiB} (2²⁰ each) or a
     * plain number of bytes.
     *
     * @throws IllegalArgumentException naming {@code save.max_shard_size}
     */
    public static long parseSize(String size) {
        Matcher m = SIZE.matcher(size.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("save.max_shard_size: expected a size such as 5GB, 500MB, 2GiB or a "
                    + "number of bytes, got '" + size + "'");
        }
        long unit = switch (m.group(2)) {
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "KIB" -> 1L << 10;
            case "MIB" -> 1L << 20;
            case "GIB" -> 1L << 30;
            default -> 1L;
        };
        return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    }
}
