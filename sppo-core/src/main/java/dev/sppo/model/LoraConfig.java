package dev.sppo.model;

/**
 * A LoRA adapter's settings (Hu et al. 2021), with the meaning PEFT's {@code LoraConfig} gives them. A targeted
 * projection {@code y = W x + b} becomes
 *
 * <pre>
 *   y = W x + b + s · B A dropout(x),     A: (r, in), B: (out, r)
 *   s = lora_alpha / r                     (use_rslora: lora_alpha / √r, Kalajdzievski 2023)
 * </pre>
 *
 * with W and b frozen and only A and B trained. B starts at zero, so the adapted model starts equal to its base.
 *
 * @param r the rank r, at least 1
 * @param alpha {@code lora_alpha}, positive
 * @param dropout {@code lora_dropout}, the probability in [0, 1) of zeroing an input of the adapter while it trains
 * @param targets {@code target_modules}
 * @param useRslora {@code use_rslora}: scale by alpha / √r instead of alpha / r
 */
public record LoraConfig(int r, double alpha, double dropout, LoraTargets targets, boolean useRslora) {

    /** The rank the platform's adapters default to. */
    public static final int DEFAULT_R = 16;
    /** The alpha they default to: s = 2. */
    public static final double DEFAULT_ALPHA = 32;

    public LoraConfig {
        if (r < 1) {
            throw new IllegalArgumentException("r: must be >= 1, got " + r);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("lora_alpha: must be a positive number, got " + alpha);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("lora_dropout: must be in [0, 1), got " + dropout);
        }
        if (targets == null) {
            throw new IllegalArgumentException("target_modules: required");
        }
    }

    /** Rank {@value #DEFAULT_R}, alpha 32, no dropout, the seven projections of every layer, plain scaling. */
    public static LoraConfig defaults() {
        return new LoraConfig(DEFAULT_R, DEFAULT_ALPHA, 0.0, LoraTargets.named(LoraTargets.ALL_LINEAR), false);
    }

    /** s = alpha / r, or alpha / √r with rsLoRA. */
    public double scaling() {
        return useRslora ? alpha / Math.sqrt(r) : alpha / r;
    }
}
