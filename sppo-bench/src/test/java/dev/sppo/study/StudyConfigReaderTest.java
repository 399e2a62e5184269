package dev.sppo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.config.InvalidConfigException;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loss.LossType;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class StudyConfigReaderTest {

    @Test
    void defaultStudyComparesTheFiveLossesOnThreeSeedsWithEqualBudgets() {
        StudyConfig study = new StudyConfigReader().defaults();
        assertThat(study.methods()).extracting(StudyMethod::loss).containsExactly(LossType.SPPO, LossType.SPPO_ALL,
                LossType.SPPO_HARD, LossType.DPO, LossType.IPO, LossType.DPO);
        assertThat(study.runConfig(new RunKey("addition", "dpo_beta1", 1)).training().beta()).isEqualTo(1.0);
        assertThat(study.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(study.iterations()).isEqualTo(3);
        assertThat(study.outputDir()).isEqualTo(Path.of("docs"));
        assertThat(study.runs()).hasSize(18);

        SppoConfig sppo = study.runConfig(new RunKey("addition", "sppo", 2));
        SppoConfig dpo = study.runConfig(new RunKey("addition", "dpo", 2));
        assertThat(dpo.training().loss()).isEqualTo(LossType.DPO);
        assertThat(dpo.seed()).isEqualTo(2);
        assertThat(dpo.runDir()).isEqualTo(Path.of("runs/study/addition/dpo/seed-2"));
        assertThat(List.of(dpo.promptsPerIteration(), dpo.sampling(), dpo.training().epochs(), dpo.evaluation(),
                dpo.warmStart(), dpo.training().beta())).isEqualTo(List.of(sppo.promptsPerIteration(),
                        sppo.sampling(), sppo.training().epochs(), sppo.evaluation(), sppo.warmStart(),
                        sppo.training().beta()));
    }

    @Test
    void methodOverridesApplyToThatMethodOnly() {
        StudyConfig study = new StudyConfigReader().read(Map.of("methods", List.of("sppo",
                Map.of("name", "dpo-b01", "loss", "dpo", "train", Map.of("training", Map.of("beta", 0.1)))),
                "tasks", List.of(Map.of("name", "sorting", "max_length", 4))));
        assertThat(study.runConfig(new RunKey("sorting", "dpo-b01", 1)).training().beta()).isEqualTo(0.1);
        assertThat(study.runConfig(new RunKey("sorting", "sppo", 1)).training().beta()).isEqualTo(0.2);
        assertThat(study.runConfig(new RunKey("sorting", "sppo", 1)).task().task().name()).isEqualTo("sorting");
    }

    @Test
    void nullSettingsMeanTheDefaultAsInTrainConfigs() {
        Map<String, Object> train = new HashMap<>();
        train.put("cache_dir", null);
        StudyConfig study = new StudyConfigReader().read(Map.of("train", train));
        assertThat(study.runConfig(study.runs().get(0)).cacheDir()).isNotNull();
    }

    @Test
    void mistakesNameTheMethodAndTheField() {
        assertThatThrownBy(() -> new StudyConfigReader().read(Map.of("methods", List.of(Map.of("loss", "dpo",
                "train", Map.of("training", Map.of("betta", 0.1)))))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("methods[dpo]").hasMessageContaining("training.betta: unknown setting");
        assertThatThrownBy(() -> new StudyConfigReader().read(Map.of("methods", List.of("sppo", "dpoo"))))
                .hasMessageContaining("methods[1].loss").hasMessageContaining("dpoo");
        assertThatThrownBy(() -> new StudyConfigReader().read(Map.of("train", Map.of("seed", 4))))
                .hasMessageContaining("train.seed: set by the study");
        assertThatThrownBy(() -> new StudyConfigReader().read(Map.of("seeds", List.of(1, 1))))
                .hasMessageContaining("seeds: entries must be distinct");
        assertThatThrownBy(() -> new StudyConfigReader().read(Map.of("seed", 3)))
                .hasMessageContaining("seed: unknown setting");
    }
}
