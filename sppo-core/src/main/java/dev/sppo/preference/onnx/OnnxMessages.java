package dev.sppo.preference.onnx;

import java.util.List;

/**
 * The ONNX messages a graph is built from, as {@code onnx.proto} numbers their fields: {@code NodeProto}, {@code
 * AttributeProto}, {@code TensorProto}, {@code ValueInfoProto} with its {@code TypeProto.Tensor} and {@code
 * TensorShapeProto}.
 */
final class OnnxMessages {

    /** {@code TensorProto.DataType} FLOAT. */
    static final int FLOAT = 1;
    /** {@code TensorProto.DataType} INT64. */
    static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    private OnnxMessages() {}

    /** A node of the default domain; its name is {@code op_output}. */
    static Protobuf node(String op, List<String> inputs, String output, Protobuf... attributes) {
        Protobuf node = new Protobuf();
        inputs.forEach(input -> node.string(1, input));
        node.string(2, output).string(3, op + "_" + output).string(4, op);
        for (Protobuf attribute : attributes) {
            node.message(5, attribute);
        }
        return node;
    }

    static Protobuf attribute(String name, long value) {
        return new Protobuf().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    static Protobuf attribute(String name, long[] values) {
        Protobuf attribute = new Protobuf().string(1, name);
        for (long v : values) {
            attribute.varint(8, v);
        }
        return attribute.varint(20, ATTRIBUTE_INTS);
    }

    /** A float tensor, row-major, stored as {@code raw_data}. */
    static Protobuf floatTensor(String name, long[] dims, float... values) {
        return tensor(name, FLOAT, dims, Protobuf.floats(values));
    }

    /** An int64 tensor, stored as {@code raw_data}. */
    static Protobuf longTensor(String name, long[] dims, long... values) {
        return tensor(name, INT64, dims, Protobuf.longs(values));
    }

    private static Protobuf tensor(String name, int type, long[] dims, byte[] raw) {
        Protobuf tensor = new Protobuf();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        return tensor.varint(2, type).string(8, name).bytes(9, raw);
    }

    /** A named dimension, such as {@code batch}. */
    static Protobuf dim(String name) {
        return new Protobuf().string(2, name);
    }

    /** A fixed dimension. */
    static Protobuf dim(long size) {
        return new Protobuf().varint(1, size);
    }

    /** A tensor input or output of the graph. */
    static Protobuf valueInfo(String name, int type, Protobuf... dims) {
        Protobuf shape = new Protobuf();
        for (Protobuf d : dims) {
            shape.message(1, d);
        }
        Protobuf tensorType = new Protobuf().varint(1, type).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }
}
