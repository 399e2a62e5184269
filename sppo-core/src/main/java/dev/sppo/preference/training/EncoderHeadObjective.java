package dev.sppo.preference.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.sppo.preference.data.PreferencePair;
import dev.sppo.preference.learned.EncoderHeadModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains an {@link EncoderHeadModel}'s head with the Bradley-Terry loss, exactly as {@link RewardObjective} trains a
 * reward model (c = chosen, r = rejected):
 *
 * <pre>
 *   loss   = (1/N) Σ_n softplus(−(r_c − r_r)),   margin = r_c − r_r
 * </pre>
 *
 * The encoder is frozen, so each text is embedded once, on its first batch, and kept: later epochs and the
 * held-out evaluation read the kept embedding.
 */
final class EncoderHeadObjective implements PairObjective {

    private final EncoderHeadModel model;
    private final Map<String, float[]> embeddings = new HashMap<>();

    EncoderHeadObjective(EncoderHeadModel model) {
        this.model = model;
    }

    @Override
    public NDArray loss(NDManager manager, List<PreferencePair> batch) {
        return RewardObjective.bradleyTerryLoss(margins(manager, batch));
    }

    @Override
    public NDArray margins(NDManager manager, List<PreferencePair> batch) {
        List<String> texts = new ArrayList<>(2 * batch.size());
        batch.forEach(p -> texts.add(model.text(p.prompt(), p.chosen())));
        batch.forEach(p -> texts.add(model.text(p.prompt(), p.rejected())));
        return RewardObjective.chosenMinusRejected(model.rewards(manager, embedded(texts)), batch.size());
    }

    private float[][] embedded(List<String> texts) {
        Set<String> missing = new LinkedHashSet<>(texts);
        missing.removeAll(embeddings.keySet());
        List<String> fresh = new ArrayList<>(missing);
        float[][] computed = model.embed(fresh);
        for (int i = 0; i < fresh.size(); i++) {
            embeddings.put(fresh.get(i), computed[i]);
        }
        return texts.stream().map(embeddings::get).toArray(float[][]::new);
    }

    @Override
    public EncoderHeadModel model() {
        return model;
    }
}
