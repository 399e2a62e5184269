package dev.sppo.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.sppo.model.AttentionMask;
import dev.sppo.model.CompiledDecoding;
import dev.sppo.model.KvCache;
import dev.sppo.model.Llama;

/**
 * Logits from a key/value cache ({@link Decoding#CACHED}, {@link Decoding#SHARED_PREFIX}, {@link
 * Decoding#COMPILED}): the first call runs the
 * prompt columns through the model, each later call only the newest column. The positions of every column and the
 * decode steps' attention bias are made once per batch; a step slices them and sends only the R newest ids.
 *
 * <p>With a shared prefix the first call runs one row per prompt (all K rows of a prompt hold the same prompt),
 * then forks the cache and the logits K ways. Compiled, each later call is one TorchScript call, which gets only the
 * newest ids: the tables, the bias and the cache are handed over once, when the prefill has filled the cache.
 */
final class CachedLogits implements StepLogits {

    private final Llama model;
    private final NDManager manager;
    private final boolean sharePrefix;
    private final boolean compile;
    private final KvCache cache;
    private final NDArray positions;
    private final NDArray decodeBias;
    private boolean prefilled;
    private CompiledDecoding compiled;

    /** @param decoding {@link Decoding#CACHED}, {@link Decoding#SHARED_PREFIX} or {@link Decoding#COMPILED} */
    CachedLogits(Llama model, DecodeState state, NDManager manager, Decoding decoding) {
        this.model = model;
        this.manager = manager;
        this.sharePrefix = decoding != Decoding.CACHED;
        this.compile = decoding == Decoding.COMPILED && CompiledDecoding.supports(model);
        int width = state.width();
        this.cache = new KvCache(model.config().numHiddenLayers(), width);
        this.positions = manager.create(state.positionColumns(0, width, 1), new Shape(state.rows(), width));
        this.decodeBias = AttentionMask.padded(manager, state.decodeKeyValid(width), width - 1, 1);
    }

    @Override
    public NDArray next(DecodeState state) {
        if (!prefilled) {
            prefilled = true;
            return prefill(state);
        }
        int column = state.length() - 1;
        NDArray ids = manager.create(state.idColumns(column, 1), new Shape(state.rows(), 1));
        if (compiled != null) {
            return compiled.step(ids);
        }
        NDArray at = positions.get(new NDIndex(":, {}:{}", column, column + 1));
        NDArray bias = decodeBias.get(new NDIndex(":, :, :, :{}", column + 1));
        return model.forward(ids, at, bias, cache).squeeze(1);
    }

    private NDArray prefill(DecodeState state) {
        int stride = sharePrefix ? state.samplesPerPrompt() : 1;
        int rows = state.rows() / stride;
        int width = state.length();
        NDArray ids = manager.create(state.idColumns(0, stride), new Shape(rows, width));
        NDArray at = manager.create(state.positionColumns(0, width, stride), new Shape(rows, width));
        NDArray bias = AttentionMask.padded(manager, state.keyValid(stride), 0, width);
        NDArray last = model.logits(model.hiddenStates(ids, at, bias, cache).get(new NDIndex(":, -1, :")));
        if (stride > 1) {
            cache.fork(stride);
            last = last.repeat(0, stride);
        }
        if (compile) {
            compiled = new CompiledDecoding(model, positions, decodeBias, cache);
        }
        return last;
    }

    @Override
    public void close() {
        if (compiled != null) {
            compiled.close();
        }
        cache.close();
    }
}
