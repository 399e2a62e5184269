package dev.sppo.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

class ConfigTreesTest {

    @Test
    void removesANestedSettingFromACopyOnly() {
        Map<String, Object> original = Map.of("training", Map.of("beta", -1, "epochs", 2), "seed", 3);
        Map<String, Object> copy = ConfigTrees.deepCopy(original);

        assertThat(ConfigTrees.remove(copy, "training.beta")).isTrue();
        assertThat(copy).isEqualTo(Map.of("training", Map.of("epochs", 2), "seed", 3));
        assertThat(original).containsEntry("training", Map.of("beta", -1, "epochs", 2));
    }

    @Test
    void removesAnExplicitNullAndReportsMissingSettings() {
        Map<String, Object> tree = new HashMap<>();
        tree.put("cache_dir", null);
        tree.put("training", 5);

        assertThat(ConfigTrees.remove(tree, "cache_dir")).isTrue();
        assertThat(ConfigTrees.remove(tree, "cache_dir")).isFalse();
        assertThat(ConfigTrees.remove(tree, "training.beta")).as("training is not a section").isFalse();
        assertThat(ConfigTrees.remove(tree, "sampling.k")).isFalse();
        assertThat(tree).containsOnlyKeys("training");
    }
}
