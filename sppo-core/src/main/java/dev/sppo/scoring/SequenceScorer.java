package dev.sppo.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.sppo.model.AttentionMask;
import dev.sppo.model.Llama;

import java.util.List;

/**
 * Batched teacher-forced log-probs of responses given prompts:
 *
 * <pre>
 *   log π(y|x) = Σ_{t=1..|y|} log softmax(f(x, y_{&lt;t}))[y_t]
 * </pre>
 *
 * Each row is {@code prompt ⊕ response}, right-padded; with right padding the causal mask alone keeps real
 * tokens from seeing the padding, and positions are simply 0..T-1. Called inside a gradient collector the
 * result is differentiable with respect to the model's parameters.
 */
public final class SequenceScorer {

    private final Llama model;
    private final int padId;

    public SequenceScorer(Llama model, int padId) {
        this.model = model;
        this.padId = padId;
    }

    /** Per-token log-probs and the response mask for prompts[i] ⊕ responses[i]. */
    public TokenLogProbs tokenLogProbs(NDManager manager, List<int[]> prompts, List<int[]> responses) {
        Batch batch = Batch.of(prompts, responses, padId, model.config().vocabSize());
        int time = batch.width() - 1;
        NDArray tokens = manager.create(batch.ids(), new Shape(batch.rows(), batch.width()));
        NDArray inputs = tokens.get(new NDIndex(":, :-1"));
        NDArray targets = tokens.get(new NDIndex(":, 1:"));
        NDArray positions = manager.arange(0, time, 1, DataType.INT64).expandDims(0);
        NDArray logits = model.forward(inputs, positions, AttentionMask.causal(manager, time), null);
        NDArray values = logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1);
        NDArray mask = manager.create(batch.responseMask(), new Shape(batch.rows(), time));
        return new TokenLogProbs(values, mask);
    }

    /** (N,) log π(y|x) for prompts[i] ⊕ responses[i], differentiable: {@link TokenLogProbs#sequenceLogProbs}. */
    public NDArray sequenceLogProbs(NDManager manager, List<int[]> prompts, List<int[]> responses) {
        return tokenLogProbs(manager, prompts, responses).sequenceLogProbs();
    }

    /** Summed log π(y|x) for each pair, without gradients, in batches of {@code batchSize}. */
    public double[] score(List<int[]> prompts, List<int[]> responses, int batchSize) {
        double[] out = new double[prompts.size()];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < prompts.size(); start += batchSize) {
                int end = Math.min(prompts.size(), start + batchSize);
                try (NDScope ignored = new NDScope()) {
                    float[] sums = sequenceLogProbs(manager, prompts.subList(start, end), responses.subList(start, end))
                            .toFloatArray();
                    for (int i = 0; i < sums.length; i++) {
                        out[start + i] = sums[i];
                    }
                }
            }
        }
        return out;
    }
}
