package dev.sppo.preference.onnx;

import dev.sppo.preference.BradleyTerry;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code onnx_reward}: an exported sequence-classification reward model (a Hugging Face {@code
 * *ForSequenceClassification} through {@code optimum-cli export onnx}) read as Bradley-Terry:
 *
 * <pre>
 *   r(x, y)  = logits(encode(x, y))[logit_index]  (− logits[minus_index] when the config names one)
 *   P[i][j]  = sigmoid((r_i − r_j) / tau)           see {@link BradleyTerry#fromRewards}
 * </pre>
 *
 * {@code encode(x, y)} is the tokenizer's text pair (x, y), as reward models such as OpenAssistant's DeBERTa are
 * called, or the config's {@code template} with {@code {prompt}} and {@code {response}} filled in. The K responses
 * go through in batches ({@link OnnxRuntimeSettings#batchSize()}); the result's scores are the rewards r.
 */
public final class OnnxRewardModel implements OnnxModel {

    private final OnnxClassifier classifier;
    private final double tau;

    private OnnxRewardModel(OnnxClassifier classifier, double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            classifier.close();
            throw new IllegalArgumentException("temperature tau must be positive and finite, got " + tau);
        }
        this.classifier = classifier;
        this.tau = tau;
    }

    /** Loads {@code dir}; see {@link OnnxClassifier#load}. */
    public static OnnxRewardModel load(Path dir, double tau, OnnxRuntimeSettings settings) throws IOException {
        return new OnnxRewardModel(OnnxClassifier.load(dir, settings), tau);
    }

    /** r(prompt, y) for each response, in order. */
    public double[] rewards(String prompt, List<String> responses) {
        String template = classifier.config().text().template();
        List<OnnxClassifier.Text> texts = new ArrayList<>(responses.size());
        for (String response : responses) {
            texts.add(template == null ? new OnnxClassifier.Text(prompt, response) : new OnnxClassifier.Text(
                    new TextTemplate(template).fill(Map.of("prompt", prompt, "response", response)), null));
        }
        return classifier.scores(texts);
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        PreferenceModel.requireComparable(responses);
        return PreferenceResult.ofRewards(rewards(prompt, responses), tau);
    }

    @Override
    public void close() {
        classifier.close();
    }
}
