package dev.sppo.model;

/**
 * Hugging Face {@code rope_scaling}: how the rotary inverse frequencies are stretched for long contexts.
 *
 * <ul>
 *   <li>{@code linear}: {@code inv_freq / factor}.
 *   <li>{@code llama3} (Llama 3.1+): wavelengths {@code 2π/inv_freq} longer than {@code original_max / low_freq_factor}
 *       are divided by {@code factor}; shorter than {@code original_max / high_freq_factor} are kept; in between
 *       they are blended with {@code s = (original_max / wavelen - low) / (high - low)}: {@code (1-s) inv/factor + s inv}.
 * </ul>
 *
 * @param type {@code rope_type} (or the legacy {@code type})
 * @param factor {@code factor}
 * @param lowFreqFactor {@code low_freq_factor} (llama3)
 * @param highFreqFactor {@code high_freq_factor} (llama3)
 * @param originalMaxPositionEmbeddings {@code original_max_position_embeddings} (llama3)
 */
public record RopeScaling(
        String type, double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositionEmbeddings) {

    public RopeScaling {
        if (!"linear".equals(type) && !"llama3".equals(type)) {
            throw new InvalidModelConfigException(
                    "rope_scaling.rope_type '" + type + "' is not supported (supported: linear, llama3)");
        }
        if (!(factor > 0)) {
            throw new InvalidModelConfigException("rope_scaling.factor must be > 0, got " + factor);
        }
        if ("llama3".equals(type) && !(highFreqFactor > lowFreqFactor && originalMaxPositionEmbeddings > 0)) {
            throw new InvalidModelConfigException(
                    "rope_scaling for llama3 needs high_freq_factor > low_freq_factor and original_max_position_embeddings > 0");
        }
    }

    /** Applies the scaling to one inverse frequency. */
    double scale(double invFreq) {
        if ("linear".equals(type)) {
            return invFreq / factor;
        }
        double wavelen = 2 * Math.PI / invFreq;
        double lowFreqWavelen = originalMaxPositionEmbeddings / lowFreqFactor;
        double highFreqWavelen = originalMaxPositionEmbeddings / highFreqFactor;
        if (wavelen < highFreqWavelen) {
            return invFreq;
        }
        if (wavelen > lowFreqWavelen) {
            return invFreq / factor;
        }
        double smooth = (originalMaxPositionEmbeddings / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        return (1 - smooth) * invFreq / factor + smooth * invFreq;
    }
}
