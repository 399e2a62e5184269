package dev.sppo.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The decode steps of one batch as one TorchScript call each ({@code decode_step} in {@code kernels.py}). The inputs
 * that every step shares are handed to the engine once, as TorchScript values held until {@link #close()}; a step
 * sends only its ids and its column, and gets the logits back. The eager path makes some 190 calls into native code
 * for the same step, and passing the shared inputs anew would cost some 50 more.
 */
public final class Decoder implements AutoCloseable {

    private final PtSymbolBlock block;
    private final IValue[] shared;

    Decoder(PtSymbolBlock block, DecodeInputs in) {
        this.block = block;
        this.shared = new IValue[] {IValue.from(pt(in.cos())), IValue.from(pt(in.sinSigned())),
            IValue.from(pt(in.queryCos())), IValue.from(pt(in.querySinSigned())), IValue.from(pt(in.bias())),
            IValue.listFrom(TorchKernels.pt(in.weights())), IValue.listFrom(TorchKernels.pt(in.keys())),
            IValue.listFrom(TorchKernels.pt(in.values())), IValue.from((long) in.heads()),
            IValue.from((long) in.kvHeads()), IValue.from(in.eps())};
    }

    /**
     * Every layer and the head on one new column per row, its keys and values written at {@code column} of the
     * caches.
     *
     * @param ids (B, 1) int64 token ids
     * @param column where the new keys and values go; the bias and the tables are read up to it
     * @return (B, V) float32 logits of the new column
     */
    public NDArray step(NDArray ids, int column) {
        IValue[] arguments = new IValue[shared.length + 2];
        arguments[0] = IValue.from(pt(ids));
        arguments[1] = IValue.from((long) column);
        System.arraycopy(shared, 0, arguments, 2, shared.length);
        try {
            JniUtils.setGraphExecutorOptimize(false);
            try (IValue logits = IValueUtils.runMethod(block, "decode_step", arguments)) {
                return logits.toTensor((PtNDManager) ids.getManager());
            }
        } finally {
            arguments[0].close();
            arguments[1].close();
        }
    }

    @Override
    public void close() {
        for (IValue value : shared) {
            value.close();
        }
    }

    private static PtNDArray pt(NDArray array) {
        return (PtNDArray) array;
    }
}
