package dev.sppo.preference.onnx;

import dev.sppo.preference.PairwiseAggregation;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code onnx_pairwise}: an exported pairwise cross-encoder in PairRM's style, which reads the prompt and two
 * candidates in one text and scores "A beats B":
 *
 * <pre>
 *   L_ij    = logits(encode(template(x, y_i, y_j)))[logit_index]   (− logits[minus_index]), i ≠ j
 *   s_i     = (1/K) Σ_j (L_ij − L_ji),   P[i][j] = sigmoid(s_i − s_j)   exactly {@link PairwiseAggregation}
 * </pre>
 *
 * The template is the config's, {@code {prompt} [A] {a} [B] {b}} by default. All K(K−1) ordered pairs are scored,
 * in batches ({@link OnnxRuntimeSettings#batchSize()}); the result's scores are s.
 */
public final class OnnxPairwiseModel implements OnnxModel {

    private final OnnxClassifier classifier;
    private final TextTemplate template;

    private OnnxPairwiseModel(OnnxClassifier classifier) {
        this.classifier = classifier;
        this.template = new TextTemplate(classifier.template(OnnxJudgeConfig.Text.PAIRWISE_TEMPLATE));
    }

    /** Loads {@code dir}; see {@link OnnxClassifier#load}. */
    public static OnnxPairwiseModel load(Path dir, OnnxRuntimeSettings settings) throws IOException {
        return new OnnxPairwiseModel(OnnxClassifier.load(dir, settings));
    }

    /** L_ij = L(x, y_i, y_j) for i ≠ j; the diagonal is 0. */
    public double[][] logitMatrix(String prompt, List<String> responses) {
        int k = responses.size();
        List<OnnxClassifier.Text> texts = new ArrayList<>(k * (k - 1));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    texts.add(new OnnxClassifier.Text(template.fill(
                            Map.of("prompt", prompt, "a", responses.get(i), "b", responses.get(j))), null));
                }
            }
        }
        return PairwiseAggregation.offDiagonal(classifier.scores(texts), k);
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        PreferenceModel.requireComparable(responses);
        return PairwiseAggregation.result(logitMatrix(prompt, responses));
    }

    @Override
    public void close() {
        classifier.close();
    }
}
