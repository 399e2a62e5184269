package dev.sppo.preference.onnx;

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

    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;

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
                .message(5, tensor("E", FLOAT, new long[] {embeddings.length, labels}, Protobuf.floats(flat)))
                .message(5, tensor("axis1", INT64, new long[] {}, Protobuf.longs(1)))
                .message(5, tensor("axes1", INT64, new long[] {1}, Protobuf.longs(1)))
                .message(5, tensor("axes2", INT64, new long[] {1}, Protobuf.longs(2)));
        List<String> inputs = new ArrayList<>(List.of(inputIds, attentionMask));
        inputs.addAll(extraInputs);
        for (String input : inputs) {
            graph.message(11, valueInfo(input, INT64, dim("batch"), dim("sequence")));
        }
        graph.message(12, valueInfo(output, FLOAT, dim("batch"), new Protobuf().varint(1, labels)));
        return graph;
    }

    private static Protobuf node(String op, List<String> inputs, String output, Protobuf... attributes) {
        Protobuf node = new Protobuf();
        inputs.forEach(input -> node.string(1, input));
        node.string(2, output).string(3, op + "_" + output).string(4, op);
        for (Protobuf attribute : attributes) {
            node.message(5, attribute);
        }
        return node;
    }

    private static Protobuf attribute(String name, long value) {
        return new Protobuf().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    private static Protobuf tensor(String name, int type, long[] dims, byte[] raw) {
        Protobuf tensor = new Protobuf();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        return tensor.varint(2, type).string(8, name).bytes(9, raw);
    }

    private static Protobuf dim(String name) {
        return new Protobuf().string(2, name);
    }

    private static Protobuf valueInfo(String name, int type, Protobuf... dims) {
        Protobuf shape = new Protobuf();
        for (Protobuf d : dims) {
            shape.message(1, d);
        }
        Protobuf tensorType = new Protobuf().varint(1, type).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }
}
