package dev.sppo.preference.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.sppo.checkpoint.MalformedCheckpointException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code tokenizer.json} of an exported classifier, used as the model was trained with it: special tokens on
 * (BERT's {@code [CLS] a [SEP] b [SEP]}, RoBERTa's {@code <s> a </s></s> b </s>}, as the file's post-processor says),
 * truncation to {@code max_length} (longest first for a pair), no padding ({@link TokenBatch} pads). Nothing is
 * downloaded: the file is read from disk with DJL's usage reporting off.
 */
final class OnnxTokenizer implements AutoCloseable {

    static final String FILE_NAME = "tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;

    private OnnxTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** @throws MalformedCheckpointException naming {@code file} when the tokenizers library refuses it */
    static OnnxTokenizer load(Path file, int maxLength) throws IOException {
        System.setProperty("OPT_OUT_TRACKING", "true");
        try {
            return new OnnxTokenizer(HuggingFaceTokenizer.builder().optTokenizerPath(file)
                    .optAddSpecialTokens(true).optTruncation(true).optMaxLength(maxLength).optPadding(false)
                    .build());
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedCheckpointException(file, "the Hugging Face tokenizers library rejects it ("
                    + e.getMessage() + ")");
        }
    }

    Encoding encode(String text) {
        return tokenizer.encode(text);
    }

    /** The text pair (first, second), with the tokenizer's segment ids. */
    Encoding encode(String first, String second) {
        return tokenizer.encode(first, second);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
