package dev.sppo.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
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
    @SuppressWarnings("unchecked")
    void copiesTheMapsInsideListsSoThatResolvingACopyLeavesTheStoredConfigAlone() {
        Map<String, Object> original = Map.of("preference", Map.of("members", List.of(Map.of("spec",
                Map.of("model_uri", "runs/rm")))));
        Map<String, Object> copy = ConfigTrees.deepCopy(original);

        Map<String, Object> member = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) copy
                .get("preference")).get("members")).get(0);
        ((Map<String, Object>) member.get("spec")).put("model_uri", "/store/runs/rm");

        assertThat(original).isEqualTo(Map.of("preference", Map.of("members", List.of(Map.of("spec",
                Map.of("model_uri", "runs/rm"))))));
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
