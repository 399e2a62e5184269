package dev.sppo.preference.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny exported classifier directory for the tests: {@link TinyOnnx}'s graph over a word-level {@code
 * tokenizer.json} with BERT's post-processor ({@code [CLS] a [SEP]}, pairs {@code [CLS] a [SEP] b [SEP]} with type
 * ids 0 then 1), and an independent reference of the score: for text of vocabulary words separated by single spaces
 * the ids are the words' ids, so {@code Σ_t (t+1) E[id_t][l]} can be computed here without the tokenizer or ONNX.
 */
public final class TinyJudge {

    static final List<String> VOCABULARY = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[A]", "[B]", "the", "movie",
            "good", "bad", "plot", "was");
    private static final int CLS = 2;
    private static final int SEP = 3;

    /** E: E[PAD] is huge so that a padded position read by mistake shows; the rest are small and distinct. */
    static final float[][] EMBEDDINGS = embeddings();

    private TinyJudge() {}

    private static float[][] embeddings() {
        float[][] e = new float[VOCABULARY.size()][2];
        e[0] = new float[] {100f, -100f};
        for (int v = 1; v < e.length; v++) {
            e[v] = new float[] {((v * 7) % 11 - 5) / 20f, ((v * 3) % 7 - 3) / 10f};
        }
        return e;
    }

    /** Writes {@code model.onnx} (the standard names), {@code tokenizer.json} and, unless null, the config. */
    public static Path write(Path dir, String configJson) throws IOException {
        return write(dir, TinyOnnx.standard(EMBEDDINGS), configJson);
    }

    static Path write(Path dir, TinyOnnx model, String configJson) throws IOException {
        Files.createDirectories(dir);
        model.write(dir.resolve("model.onnx"));
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson(), StandardCharsets.UTF_8);
        if (configJson != null) {
            Files.writeString(dir.resolve(OnnxJudgeConfig.FILE_NAME), configJson, StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** Σ_t (t+1) E[id_t][column] over [CLS] first [SEP] (second [SEP]); second may be null. */
    public static double score(String first, String second, int column) {
        List<Integer> ids = new ArrayList<>();
        ids.add(CLS);
        words(first, ids);
        ids.add(SEP);
        if (second != null) {
            words(second, ids);
            ids.add(SEP);
        }
        double sum = 0;
        for (int t = 0; t < ids.size(); t++) {
            sum += (t + 1) * (double) EMBEDDINGS[ids.get(t)][column];
        }
        return sum;
    }

    private static void words(String text, List<Integer> ids) {
        for (String word : text.split(" ")) {
            int id = VOCABULARY.indexOf(word);
            ids.add(id < 0 ? 1 : id);
        }
    }

    private static String tokenizerJson() {
        StringBuilder added = new StringBuilder();
        StringBuilder vocab = new StringBuilder();
        for (int id = 0; id < VOCABULARY.size(); id++) {
            String token = VOCABULARY.get(id);
            if (token.startsWith("[")) {
                added.append(added.isEmpty() ? "" : ",").append("{\"id\":").append(id).append(",\"content\":\"")
                        .append(token).append("\",\"single_word\":false,\"lstrip\":false,\"rstrip\":false,"
                                + "\"normalized\":false,\"special\":true}");
            }
            vocab.append(id == 0 ? "" : ",").append('"').append(token).append("\":").append(id);
        }
        return """
                {"version":"1.0","truncation":null,"padding":null,"added_tokens":[%s],"normalizer":null,
                 "pre_tokenizer":{"type":"WhitespaceSplit"},
                 "post_processor":{"type":"TemplateProcessing",
                   "single":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},
                             {"SpecialToken":{"id":"[SEP]","type_id":0}}],
                   "pair":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},
                           {"SpecialToken":{"id":"[SEP]","type_id":0}},{"Sequence":{"id":"B","type_id":1}},
                           {"SpecialToken":{"id":"[SEP]","type_id":1}}],
                   "special_tokens":{"[CLS]":{"id":"[CLS]","ids":[2],"tokens":["[CLS]"]},
                                     "[SEP]":{"id":"[SEP]","ids":[3],"tokens":["[SEP]"]}}},
                 "decoder":null,
                 "model":{"type":"WordLevel","vocab":{%s},"unk_token":"[UNK]"}}
                """.formatted(added, vocab);
    }
}
