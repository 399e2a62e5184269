package dev.sppo.preference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.config.ConfigFiles;
import dev.sppo.config.InvalidConfigException;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrainPreferenceConfigReaderTest {

    @Test
    void defaultsTrainARankerOnSortingWithTwentyPercentLabelNoise() {
        TrainPreferenceConfig c = new TrainPreferenceConfigReader().defaults();
        assertThat(c.kind()).isEqualTo(PreferenceModelKind.RANKER);
        assertThat(c.task().task().name()).isEqualTo("sorting");
        assertThat(c.labelNoise()).isEqualTo(0.2);
        assertThat(c.data()).isNull();
    }

    @Test
    void fileValuesOverrideTheDefaults() {
        TrainPreferenceConfig c = read("""
                kind: reward_model
                data: pairs.jsonl
                training: {epochs: 9}
                model: {hidden_size: 32}
                """);
        assertThat(c.kind()).isEqualTo(PreferenceModelKind.REWARD_MODEL);
        assertThat(c.data()).isEqualTo(Path.of("pairs.jsonl"));
        assertThat(c.training().epochs()).isEqualTo(9);
        assertThat(c.training().batchSize())
                .isEqualTo(new TrainPreferenceConfigReader().defaults().training().batchSize());
        assertThat(c.model().hiddenSize()).isEqualTo(32);
    }

    @Test
    void errorsNameTheFieldPath() {
        assertRefused("training: {learning_rate: -1}", "training.learning_rate must be positive");
        assertRefused("training: {epochs: 0}", "training.epochs must be >= 1");
        assertRefused("training: {language_model_weight: -1}", "training.language_model_weight must be >= 0");
        assertRefused("label_noise: 0.7", "label_noise must be in [0, 0.5]");
        assertRefused("model: {hidden_size: 30, heads: 4}", "model.hidden_size");
        assertRefused("kind: judge", "kind: unknown value \"judge\"");
        assertRefused("training: {epoch: 2}", "training.epoch: unknown setting");
        assertRefused("pairs: many", "pairs: expected a whole number");
    }

    private static TrainPreferenceConfig read(String yaml) {
        Map<String, Object> tree = ConfigFiles.parse(yaml);
        return new TrainPreferenceConfigReader().read(tree);
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(message.substring(0, message.indexOf(' ') < 0 ? message.length()
                        : message.indexOf(' ')))
                .hasMessageContaining(message);
    }
}
