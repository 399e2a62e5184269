package dev.sppo.preference.onnx;

import static dev.sppo.preference.onnx.OnnxMessages.FLOAT;
import static dev.sppo.preference.onnx.OnnxMessages.attribute;
import static dev.sppo.preference.onnx.OnnxMessages.dim;
import static dev.sppo.preference.onnx.OnnxMessages.floatTensor;
import static dev.sppo.preference.onnx.OnnxMessages.node;
import static dev.sppo.preference.onnx.OnnxMessages.valueInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends a reward head to an exported sentence encoder, so that one ONNX graph gives what {@link SentenceEncoder}
 * and a head compute in two steps; the result is an {@code onnx_reward} model ({@value #OUTPUT}, one column). The
 * appended nodes use only operators of opset 11 with their opset-11 signatures ({@code axes} as attributes), so any
 * encoder exported at opset 11 or later takes them:
 *
 * <pre>
 *   m      = float(attention_mask)                        (N, T)
 *   mean   = Σ_t m_t h_t / max(Σ_t m_t, 1e-9)             h = last_hidden_state (N, T, D)
 *   e      = mean / max(‖mean‖₂, 1e-12)
 *   logits = tanh(e Wᵀ + b) w + c                          (N, 1)
 * </pre>
 *
 * The nodes go in as a second {@code graph} field after the encoder's bytes; protocol buffers merge it into the
 * first, appending the nodes, initializers and the output. Their names start with {@code sppo_head/}.
 */
public final class RewardHeadGraph {

    /** The output the appended head writes. */
    public static final String OUTPUT = "logits";
    private static final String P = "sppo_head/";

    /**
     * The head's values.
     *
     * @param denseWeight W, (H, D) row-major
     * @param denseBias b, (H)
     * @param outWeight w, (H)
     * @param outBias c
     */
    public record Head(float[] denseWeight, float[] denseBias, float[] outWeight, float outBias) {

        int hidden() {
            return denseBias.length;
        }

        /** r = w · tanh(W e + b) + c, accumulated in double. */
        public double reward(float[] e) {
            int h = hidden();
            int d = denseWeight.length / h;
            double r = outBias;
            for (int i = 0; i < h; i++) {
                double z = denseBias[i];
                for (int j = 0; j < d; j++) {
                    z += denseWeight[i * d + j] * e[j];
                }
                r += outWeight[i] * Math.tanh(z);
            }
            return r;
        }
    }

    private RewardHeadGraph() {}

    /** Writes {@code encoder} (a graph with {@code attention_mask} and {@value SentenceEncoder#OUTPUT}) plus the head. */
    public static void write(Path encoder, Head head, Path out) throws IOException {
        if (Files.exists(out) && Files.isSameFile(encoder, out)) {
            throw new IllegalArgumentException("the graph with the head must go to another file than " + encoder);
        }
        int h = head.hidden();
        int d = head.denseWeight().length / h;
        float[] transposed = new float[d * h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < d; j++) {
                transposed[j * h + i] = head.denseWeight()[i * d + j];
            }
        }
        Protobuf graph = new Protobuf()
                .message(1, node("Cast", List.of("attention_mask"), P + "m", attribute("to", FLOAT)))
                .message(1, node("Unsqueeze", List.of(P + "m"), P + "m3", attribute("axes", new long[] {2})))
                .message(1, node("Mul", List.of(SentenceEncoder.OUTPUT, P + "m3"), P + "hm"))
                .message(1, node("ReduceSum", List.of(P + "hm"), P + "sum", attribute("axes", new long[] {1}),
                        attribute("keepdims", 0)))
                .message(1, node("ReduceSum", List.of(P + "m3"), P + "count", attribute("axes", new long[] {1}),
                        attribute("keepdims", 0)))
                .message(1, node("Max", List.of(P + "count", P + "eps_count"), P + "count_safe"))
                .message(1, node("Div", List.of(P + "sum", P + "count_safe"), P + "mean"))
                .message(1, node("Mul", List.of(P + "mean", P + "mean"), P + "square"))
                .message(1, node("ReduceSum", List.of(P + "square"), P + "square_sum",
                        attribute("axes", new long[] {1}), attribute("keepdims", 1)))
                .message(1, node("Sqrt", List.of(P + "square_sum"), P + "norm"))
                .message(1, node("Max", List.of(P + "norm", P + "eps_norm"), P + "norm_safe"))
                .message(1, node("Div", List.of(P + "mean", P + "norm_safe"), P + "e"))
                .message(1, node("MatMul", List.of(P + "e", P + "W_t"), P + "z"))
                .message(1, node("Add", List.of(P + "z", P + "b"), P + "z_b"))
                .message(1, node("Tanh", List.of(P + "z_b"), P + "a"))
                .message(1, node("MatMul", List.of(P + "a", P + "w"), P + "r"))
                .message(1, node("Add", List.of(P + "r", P + "c"), OUTPUT))
                .message(5, floatTensor(P + "eps_count", new long[] {}, 1e-9f))
                .message(5, floatTensor(P + "eps_norm", new long[] {}, 1e-12f))
                .message(5, floatTensor(P + "W_t", new long[] {d, h}, transposed))
                .message(5, floatTensor(P + "b", new long[] {h}, head.denseBias()))
                .message(5, floatTensor(P + "w", new long[] {h, 1}, head.outWeight()))
                .message(5, floatTensor(P + "c", new long[] {1}, head.outBias()))
                .message(12, valueInfo(OUTPUT, FLOAT, dim("batch_size"), dim(1)));
        try (OutputStream stream = Files.newOutputStream(out)) {
            Files.copy(encoder, stream);
            stream.write(new Protobuf().message(7, graph).toByteArray());
        }
    }
}
