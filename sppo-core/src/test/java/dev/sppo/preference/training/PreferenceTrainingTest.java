package dev.sppo.preference.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.sppo.config.ConfigFiles;
import dev.sppo.preference.data.LabelledPair;
import dev.sppo.preference.learned.PairwiseRanker;
import dev.sppo.preference.learned.RankerDirectory;
import dev.sppo.preference.learned.RewardModel;
import dev.sppo.preference.learned.RewardModelDirectory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI-sized training runs (about half a minute each at 1 thread) on noisy (20 %) gold-judge pairs of a small
 * sorting task. With 600 held-out pairs, chance is 0.5 ± 0.02 (one standard deviation): 0.6 is five of them.
 */
class PreferenceTrainingTest {

    private static final String SMALL_RUN = """
            task: {name: sorting, min_length: 2, max_length: 4, digits: 6}
            pairs: 6000
            pairs_per_prompt: 8
            label_noise: 0.2
            model: {hidden_size: 32, layers: 2, heads: 4}
            training: {epochs: 3, batch_size: 64, learning_rate: 0.003}
            """;

    @TempDir
    Path tmp;

    @Test
    void rankerLearnsFromNoisyPairsWellBeyondChanceAgainstTheGoldJudge() throws IOException {
        TrainPreferenceConfig config = config("kind: ranker");
        TrainPreferenceResult result = TrainPreferenceRun.run(config, quiet());
        PairAccuracy heldOut = result.training().heldOut();
        assertThat(heldOut.vsGold()).as("held-out accuracy vs gold").isGreaterThanOrEqualTo(0.6);
        try (NDManager manager = NDManager.newBaseManager();
                PairwiseRanker ranker = RankerDirectory.load(result.checkpoint(), manager)) {
            List<LabelledPair> pairs = PreferenceDataset.of(config).heldOut();
            assertThat(PairAccuracy.of(PreferenceModelTrainer.margins(new RankerObjective(ranker, 0), pairs), pairs))
                    .as("the saved ranker scores as the trained one").isEqualTo(heldOut);
        }
        String metrics = Files.readString(tmp.resolve("out/metrics.json"));
        assertThat(metrics).contains("\"kind\": \"ranker\"", "\"held_out_accuracy_vs_gold\": " + heldOut.vsGold());
    }

    @Test
    void rewardModelLearnsFromNoisyPairsBeyondChanceAgainstTheGoldJudge() throws IOException {
        TrainPreferenceResult result = TrainPreferenceRun.run(config("kind: reward_model"), quiet());
        assertThat(result.training().heldOut().vsGold()).as("held-out accuracy vs gold").isGreaterThanOrEqualTo(0.6);
        try (NDManager manager = NDManager.newBaseManager();
                RewardModel model = RewardModelDirectory.load(result.checkpoint(), manager, 1.0)) {
            assertThat(model.parameterCount()).isEqualTo(result.parameters());
        }
    }

    private TrainPreferenceConfig config(String kind) {
        Map<String, Object> tree = ConfigFiles.parse(SMALL_RUN + kind + "\nout_dir: " + tmp.resolve("out") + "\n");
        return new TrainPreferenceConfigReader().read(tree);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
