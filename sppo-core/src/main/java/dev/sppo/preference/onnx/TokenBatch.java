package dev.sppo.preference.onnx;

import ai.djl.huggingface.tokenizers.Encoding;

import java.util.Arrays;
import java.util.List;

/**
 * Encodings padded on the right to the longest one, row-major (rows, width):
 *
 * <pre>
 *   input_ids[n][t]      = the token id, or pad_token_id past the row's end
 *   attention_mask[n][t] = 1 for a token, 0 for padding
 *   token_type_ids[n][t] = the tokenizer's segment id, 0 for padding
 * </pre>
 */
record TokenBatch(int rows, int width, long[] inputIds, long[] attentionMask, long[] tokenTypeIds) {

    static TokenBatch of(List<Encoding> encodings, int padTokenId) {
        int rows = encodings.size();
        int width = encodings.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] types = new long[rows * width];
        Arrays.fill(ids, padTokenId);
        for (int n = 0; n < rows; n++) {
            Encoding encoding = encodings.get(n);
            long[] rowIds = encoding.getIds();
            long[] rowTypes = encoding.getTypeIds();
            for (int t = 0; t < rowIds.length; t++) {
                ids[n * width + t] = rowIds[t];
                mask[n * width + t] = 1;
                types[n * width + t] = rowTypes[t];
            }
        }
        return new TokenBatch(rows, width, ids, mask, types);
    }

    /** The values of the input a config key names: {@code input_ids}, {@code attention_mask} or {@code token_type_ids}. */
    long[] field(String key) {
        return switch (key) {
            case "input_ids" -> inputIds;
            case "attention_mask" -> attentionMask;
            case "token_type_ids" -> tokenTypeIds;
            default -> throw new IllegalArgumentException("no batch field " + key);
        };
    }
}
