package dev.sppo.preference.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.sppo.model.AttentionMask;
import dev.sppo.model.Llama;

/**
 * A linear head with one output on the last real token of each row, as Hugging Face {@code
 * LlamaForSequenceClassification} with {@code num_labels = 1}:
 *
 * <pre>
 *   z_n = RMSNorm(h_L)[n, |row_n| - 1]        the backbone's final hidden state at the row's last token
 *   y_n = z_n · w (+ b)                       w = {@code weight} (1, D), b = {@code bias} (1) or none
 * </pre>
 *
 * Called inside a gradient collector, {@code y} is differentiable in the backbone and the head.
 *
 * @param backbone the transformer
 * @param weight the head's (1, D) weight
 * @param bias the head's (1) bias, or null
 */
public record ScalarHead(Llama backbone, Parameter weight, Parameter bias) {

    /**
     * What one forward pass gives.
     *
     * @param values (N,) outputs y
     * @param hidden (N, W, D) final hidden states
     * @param ids (N, W) the token ids read
     */
    public record Output(NDArray values, NDArray hidden, NDArray ids) {}

    /** (N,) float32 outputs y for {@code rows}. */
    public NDArray apply(NDManager manager, TokenRows rows) {
        return forward(manager, rows).values();
    }

    /** The outputs y for {@code rows} with the hidden states they were read from. */
    public Output forward(NDManager manager, TokenRows rows) {
        NDArray ids = manager.create(rows.ids(), new Shape(rows.rows(), rows.width()));
        NDArray positions = manager.arange(0, rows.width(), 1, DataType.INT64).expandDims(0);
        NDArray hidden = backbone.hiddenStates(ids, positions, AttentionMask.causal(manager, rows.width()), null);
        NDArray pick = manager.create(rows.lastToken(), new Shape(rows.rows(), rows.width(), 1));
        NDArray pooled = hidden.mul(pick).sum(new int[] {1});
        NDArray out = bias == null
                ? Linear.linear(pooled, weight.getArray()).head()
                : Linear.linear(pooled, weight.getArray(), bias.getArray()).head();
        return new Output(out.squeeze(-1), hidden, ids);
    }
}
