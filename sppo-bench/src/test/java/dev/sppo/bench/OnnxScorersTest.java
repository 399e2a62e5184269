package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.sppo.preference.BradleyTerry;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.preference.onnx.OnnxRuntimeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class OnnxScorersTest {

    @TempDir
    Path dir;

    @Test
    void theExportedRewardScoresAsTheEncoderHeadItCameFromAndThePairwiseModelComparesAll() throws Exception {
        List<String> responses = List.of("a warm and funny film", "a dull film", "rain all day");
        try (NDManager manager = NDManager.newBaseManager();
                OnnxScorers onnx = new OnnxScorers(dir, manager, new OnnxRuntimeSettings(1, 4))) {
            List<NamedScorer> scorers = onnx.scorers();
            assertThat(scorers).extracting(NamedScorer::name).allSatisfy(name -> assertThat(name).contains("MiniLM"));
            double[] head = scorers.get(0).model().compare("Review:", responses).scores();
            double[] exported = scorers.get(1).model().compare("Review:", responses).scores();
            assertThat(exported).containsExactly(head, within(1e-5));
            assertThat(scorers.get(2).model().compare("Review:", responses).matrix().size()).isEqualTo(3);
        }
    }

    @Test
    void sentencesCountEveryUnorderedPairOfEachPromptOncePerPass() {
        PairsThroughput bench = PairsThroughput.sentences(3, 4, 5, 7, 1);
        NamedScorer counting = new NamedScorer("counting", (prompt, responses) -> {
            assertThat(prompt.split(" ")).hasSize(5);
            assertThat(responses).hasSize(4).allSatisfy(y -> assertThat(y.split(" ")).hasSize(7));
            return new PreferenceResult(BradleyTerry.fromStrengths(new double[4]), new double[4]);
        });
        PairsThroughput.Rate rate = bench.measure(counting, 0);
        assertThat(rate.pairs()).isEqualTo(3L * 4 * 3 / 2);
    }
}
