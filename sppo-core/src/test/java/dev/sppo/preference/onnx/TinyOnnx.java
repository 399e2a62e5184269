package dev.sppo.preference.onnx;

import static dev.sppo.preference.onnx.OnnxMessages.FLOAT;
import static dev.sppo.preference.onnx.OnnxMessages.INT64;
import static dev.sppo.preference.onnx.OnnxMessages.attribute;
import static dev.sppo.preference.onnx.OnnxMessages.dim;
import static dev.sppo.preference.onnx.OnnxMessages.floatTensor;
import static dev.sppo.preference.onnx.OnnxMessages.longTensor;
import static dev.sppo.preference.onnx.OnnxMessages.node;
import static dev.sppo.preference.onnx.OnnxMessages.valueInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tiny ONNX classifiers for the tests, as {@code onnx.proto} (IR version 7, opset 13) defines the messages;
 * the field numbers are the proto's. The graph scores each row by position-weighted token embeddings:
 *
 * <pre>
 *   m_t         = attention_mask[n][t]
 *   c_t         = m_1 + ... + m_t                    (CumSum: the token's 1-based position)
 *   output[n][l] = Σ_t m_t · c_t · E[input_ids[n][t]][l]
 * </pre>
 *
 * so a padded position (m = 0) adds nothing whatever E[pad] is, and the order of the tokens matters (A before B is
 * not B before A). The graph's inputs and output are named by the caller, to make mismatched models.
 */
final class TinyOnnx {

    private final String inputIds;
    private final String attentionMask;
    private final List<String> extraInputs;
    private final String output;
    private final float[][] embeddings;

    /**
     * @param embeddings E, one row per token id, one column per label
     * @param extraInputs int64 (N, T) inputs the graph declares and does not read
     */
    TinyOnnx(String inputIds, String attentionMask, List<String> extraInputs, String output, float[][] embeddings) {
        this.inputIds = inputIds;
        this.attentionMask = attentionMask;
        this.extraInputs = List.copyOf(extraInputs);
        this.output = output;
        this.embeddings = embeddings;
    }

    /** The usual names: {@code input_ids}, {@code attention_mask}, {@code logits}. */
    static TinyOnnx standard(float[][] embeddings) {
        return new TinyOnnx("input_ids", "attention_mask", List.of(), "logits", embeddings);
    }

    void write(Path file) throws IOException {
        Files.write(file, model().toByteArray());
    }

    private Protobuf model() {
        return new Protobuf()
                .varint(1, 7)                                                    // ir_version
                .string(2, "sppo-tests")                                         // producer_name
                .message(7, graph())                                             // graph
                .message(8, new Protobuf().string(1, "").varint(2, 13));         // opset_import
    }

    private Protobuf graph() {
        int labels = embeddings[0].length;
        float[] flat = new float[embeddings.length * labels];
        for (int v = 0; v < embeddings.length; v++) {
            System.arraycopy(embeddings[v], 0, flat, v * labels, labels);
        }
        Protobuf graph = new Protobuf()
                .message(1, node("Gather", List.of("E", inputIds), "g"))
                .message(1, node("Cast", List.of(attentionMask), "m", attribute("to", FLOAT)))
                .message(1, node("CumSum", List.of("m", "axis1"), "c"))
                .message(1, node("Mul", List.of("m", "c"), "w"))
                .message(1, node("Unsqueeze", List.of("w", "axes2"), "w3"))
                .message(1, node("Mul", List.of("g", "w3"), "gw"))
                .message(1, node("ReduceSum", List.of("gw", "axes1"), output, attribute("keepdims", 0)))
                .string(2, "tiny")
                .message(5, floatTensor("E", new long[] {embeddings.length, labels}, flat))
                .message(5, longTensor("axis1", new long[] {}, 1))
                .message(5, longTensor("axes1", new long[] {1}, 1))
                .message(5, longTensor("axes2", new long[] {1}, 2));
        List<String> inputs = new ArrayList<>(List.of(inputIds, attentionMask));
        inputs.addAll(extraInputs);
        for (String input : inputs) {
            graph.message(11, valueInfo(input, INT64, dim("batch"), dim("sequence")));
        }
        graph.message(12, valueInfo(output, FLOAT, dim("batch"), dim(labels)));
        return graph;
    }
}
