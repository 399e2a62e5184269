package dev.sppo.preference.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import dev.sppo.checkpoint.MalformedCheckpointException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A frozen sentence encoder exported to ONNX (such as all-MiniLM-L6-v2), pooled as sentence-transformers pools it:
 *
 * <pre>
 *   h        = last_hidden_state (N, T, D) of the encoding [CLS] text [SEP], token_type_ids 0
 *   mean     = Σ_t m_t h_t / max(Σ_t m_t, 1e-9)                 m = attention mask: padding never counts
 *   e        = mean / max(‖mean‖₂, 1e-12)                         L2-normalised, as the model card says
 * </pre>
 *
 * so a text's embedding does not depend on the batch it is in. Texts go through in batches of {@link
 * OnnxRuntimeSettings#batchSize()}.
 */
public final class SentenceEncoder implements AutoCloseable {

    /** The graph output read: the token states before pooling. */
    public static final String OUTPUT = "last_hidden_state";

    private final OnnxTokenizer tokenizer;
    private final OnnxSession session;
    private final int batchSize;
    private final int dimension;

    private SentenceEncoder(OnnxTokenizer tokenizer, OnnxSession session, int batchSize) {
        this.tokenizer = tokenizer;
        this.session = session;
        this.batchSize = batchSize;
        this.dimension = (int) session.outputWidth();
    }

    /**
     * Loads {@code dir/model.onnx} and {@code dir/tokenizer.json}.
     *
     * @param maxLength the longest encoding in tokens; longer texts are truncated
     * @throws MalformedCheckpointException when a file is missing or the graph lacks {@code
     *     input_ids}, {@code attention_mask} or a rank-3 float {@value #OUTPUT} of static width
     */
    public static SentenceEncoder load(Path dir, int maxLength, OnnxRuntimeSettings settings) throws IOException {
        OnnxTokenizer tokenizer = OnnxTokenizer.load(OnnxFiles.require(dir, OnnxTokenizer.FILE_NAME), maxLength);
        try {
            OnnxJudgeConfig.Inputs inputs = OnnxJudgeConfig.defaults().inputs();
            OnnxSession session = new OnnxSession(OnnxFiles.require(dir, OnnxFiles.MODEL), List.of(
                    inputs.inputIds(), new OnnxJudgeConfig.Input("attention_mask", "attention_mask", true),
                    inputs.tokenTypeIds()), OUTPUT, 3, settings);
            if (session.outputWidth() < 1) {
                session.close();
                throw new MalformedCheckpointException(dir.resolve(OnnxFiles.MODEL),
                        "output '" + OUTPUT + "' must have a fixed last axis (the embedding size)");
            }
            return new SentenceEncoder(tokenizer, session, settings.batchSize());
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** D, the embedding size. */
    public int dimension() {
        return dimension;
    }

    /** The pooled, L2-normalised embedding of each text, in order. */
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int start = 0; start < texts.size(); start += batchSize) {
            List<String> chunk = texts.subList(start, Math.min(texts.size(), start + batchSize));
            List<Encoding> encodings = new ArrayList<>(chunk.size());
            chunk.forEach(text -> encodings.add(tokenizer.encode(text)));
            TokenBatch batch = TokenBatch.of(encodings, 0);
            OnnxSession.Output states = session.run(batch);
            for (int n = 0; n < chunk.size(); n++) {
                out[start + n] = pool(states.values(), batch, n);
            }
        }
        return out;
    }

    private float[] pool(float[] states, TokenBatch batch, int row) {
        double[] sum = new double[dimension];
        double count = 0;
        for (int t = 0; t < batch.width(); t++) {
            long m = batch.attentionMask()[row * batch.width() + t];
            if (m == 0) {
                continue;
            }
            count += m;
            int offset = (row * batch.width() + t) * dimension;
            for (int d = 0; d < dimension; d++) {
                sum[d] += m * states[offset + d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            sum[d] /= Math.max(count, 1e-9);
            norm += sum[d] * sum[d];
        }
        double scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
        float[] e = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            e[d] = (float) (sum[d] * scale);
        }
        return e;
    }

    @Override
    public void close() {
        session.close();
        tokenizer.close();
    }
}
