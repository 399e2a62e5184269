package dev.sppo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

/**
 * Rotary position embeddings (Su et al., 2021) in the Hugging Face {@code rotate_half} convention:
 *
 * <pre>
 *   θ_i  = rope_theta^(-2i/d),  i = 0 .. d/2-1          (invFreq, optionally rescaled by rope_scaling)
 *   cos  = cos([p·θ, p·θ]),  sin = sin([p·θ, p·θ])       (position p, the d/2 angles repeated twice)
 *   rot(x) = x ⊙ cos + rotate_half(x) ⊙ sin,  rotate_half([x1, x2]) = [-x2, x1]
 * </pre>
 *
 * The sign of {@code rotate_half} is folded into the sine table ({@code sinSigned = [-sin, sin]}), so the
 * rotation is {@code x ⊙ cos + [x2, x1] ⊙ sinSigned}, computed by {@link RotaryAngles} with one roll and one
 * fused multiply-add ({@link dev.sppo.kernels.TorchKernels#rotate}).
 *
 * The cos/sin tables follow Hugging Face's float32 arithmetic step by step (exponent, power, reciprocal,
 * product {@code p·θ}) so that angles at large positions round the same way; they are grown on demand up
 * to {@code max_position_embeddings}.
 */
final class RotaryEmbedding implements AutoCloseable {

    private static final int INITIAL_POSITIONS = 512;

    private final NDManager manager;
    private final float[] invFreq;
    private final int headDim;
    private final int maxPositions;
    private NDArray cosTable;
    private NDArray sinTable;
    private int tableLength;

    RotaryEmbedding(NDManager manager, LlamaConfig config) {
        this.manager = manager;
        this.headDim = config.headDim();
        this.maxPositions = config.maxPositionEmbeddings();
        this.invFreq = inverseFrequencies(config);
    }

    static float[] inverseFrequencies(LlamaConfig config) {
        int half = config.headDim() / 2;
        float[] inv = new float[half];
        for (int i = 0; i < half; i++) {
            float exponent = (float) (2 * i) / (float) config.headDim();
            inv[i] = 1f / (float) Math.pow(config.ropeTheta(), exponent);
            if (config.ropeScaling() != null) {
                inv[i] = (float) config.ropeScaling().scale(inv[i]);
            }
        }
        return inv;
    }

    /**
     * Looks up the (B, 1, T, d) cos and signed sin for a (B, T) int64 tensor of positions; queries get them
     * multiplied by the attention scale {@code queryScale} (a float32 scalar). Synchronized: threads that run
     * the model at once (data-parallel training) share the tables, which a lookup may grow.
     */
    synchronized RotaryAngles anglesFor(NDArray positions, NDArray queryScale) {
        ensureTables((int) positions.max().getLong() + 1);
        NDArray cos = Embedding.embedding(positions, cosTable, SparseFormat.DENSE).head().expandDims(1);
        NDArray sin = Embedding.embedding(positions, sinTable, SparseFormat.DENSE).head().expandDims(1);
        return RotaryAngles.of(cos, sin, queryScale);
    }

    private void ensureTables(int length) {
        if (length > maxPositions) {
            throw new IllegalArgumentException(
                    "sequence needs position " + (length - 1) + " but max_position_embeddings is " + maxPositions);
        }
        if (length <= tableLength) {
            return;
        }
        int newLength = Math.min(maxPositions, Math.max(length, Math.max(INITIAL_POSITIONS, 2 * tableLength)));
        float[] cos = new float[newLength * headDim];
        float[] sin = new float[newLength * headDim];
        int half = headDim / 2;
        for (int p = 0; p < newLength; p++) {
            for (int i = 0; i < half; i++) {
                float angle = (float) p * invFreq[i];
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[p * headDim + i] = c;
                cos[p * headDim + i + half] = c;
                sin[p * headDim + i] = -s;
                sin[p * headDim + i + half] = s;
            }
        }
        close();
        cosTable = manager.create(cos, new Shape(newLength, headDim));
        sinTable = manager.create(sin, new Shape(newLength, headDim));
        NDScope.unregister(cosTable, sinTable);
        tableLength = newLength;
    }

    @Override
    public synchronized void close() {
        if (cosTable != null) {
            cosTable.close();
            sinTable.close();
        }
    }
}
