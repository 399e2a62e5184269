package dev.sppo.preference.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import dev.sppo.checkpoint.MalformedCheckpointException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An exported sequence classifier read from a directory: {@code model.onnx}, {@code tokenizer.json} and the optional
 * {@value OnnxJudgeConfig#FILE_NAME}. It scores texts in batches of {@link OnnxRuntimeSettings#batchSize()} rows:
 * each text is tokenized, the batch padded ({@link TokenBatch}), the graph run, and each row's score read as {@link
 * OnnxJudgeConfig.Logit} says.
 */
final class OnnxClassifier implements AutoCloseable {

    private final OnnxJudgeConfig config;
    private final OnnxTokenizer tokenizer;
    private final OnnxSession session;
    private final int batchSize;

    private OnnxClassifier(OnnxJudgeConfig config, OnnxTokenizer tokenizer, OnnxSession session, int batchSize) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.session = session;
        this.batchSize = batchSize;
    }

    /**
     * @throws MalformedCheckpointException naming the file, and the input, output or key, that does not fit
     */
    static OnnxClassifier load(Path dir, OnnxRuntimeSettings settings) throws IOException {
        Path model = OnnxFiles.require(dir, OnnxFiles.MODEL);
        OnnxJudgeConfig config = OnnxJudgeConfig.read(dir);
        OnnxTokenizer tokenizer = OnnxTokenizer.load(OnnxFiles.require(dir, OnnxTokenizer.FILE_NAME),
                config.text().maxLength());
        try {
            OnnxJudgeConfig.Inputs inputs = config.inputs();
            OnnxSession session = new OnnxSession(model,
                    List.of(inputs.inputIds(), inputs.attentionMask(), inputs.tokenTypeIds()),
                    config.logit().output(), 2, settings);
            long width = session.outputWidth();
            if (width >= 0 && width <= config.logit().maxColumn()) {
                session.close();
                throw new MalformedCheckpointException(model, "output '" + config.logit().output() + "' has "
                        + width + " column(s) but " + OnnxJudgeConfig.FILE_NAME + " reads column "
                        + config.logit().maxColumn());
            }
            return new OnnxClassifier(config, tokenizer, session, settings.batchSize());
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    OnnxJudgeConfig config() {
        return config;
    }

    /** The template of the config, or {@code fallback} where it gives none. */
    String template(String fallback) {
        return config.text().template() == null ? fallback : config.text().template();
    }

    /** One text to classify: a single text ({@code second} null) or the tokenizer's text pair. */
    record Text(String first, String second) {}

    /** The score of each text, in order, from batches of at most the batch size. */
    double[] scores(List<Text> texts) {
        double[] out = new double[texts.size()];
        for (int start = 0; start < texts.size(); start += batchSize) {
            List<Text> chunk = texts.subList(start, Math.min(texts.size(), start + batchSize));
            List<Encoding> encodings = new ArrayList<>(chunk.size());
            for (Text text : chunk) {
                encodings.add(text.second() == null ? tokenizer.encode(text.first())
                        : tokenizer.encode(text.first(), text.second()));
            }
            OnnxSession.Output output = session.run(TokenBatch.of(encodings, config.text().padTokenId()));
            if (output.shape()[0] != chunk.size() || output.shape()[1] <= config.logit().maxColumn()) {
                throw new IllegalStateException("output '" + config.logit().output() + "' has shape "
                        + Arrays.toString(output.shape()) + " for " + chunk.size() + " rows, reading column "
                        + config.logit().maxColumn());
            }
            for (int n = 0; n < chunk.size(); n++) {
                out[start + n] = config.logit().of(output.row(n));
            }
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        tokenizer.close();
    }
}
