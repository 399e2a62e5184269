package dev.sppo.checkpoint;

/**
 * One tensor's header entry: its dtype, shape and byte range {@code [begin, end)} relative to the
 * start of the data buffer (the byte after the header).
 */
record TensorEntry(String name, DType dtype, long[] shape, long begin, long end) {

    long numel() {
        return Shapes.numel(shape);
    }

    long byteSize() {
        return end - begin;
    }
}
