package dev.sppo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

class ConfigTreeTest {

    @Test
    void listedSectionsAreNamedByTheirIndexInErrors() {
        ConfigTree root = new ConfigTree("preference", Map.of("members", List.of(Map.of("weight", 1),
                Map.of("weight", "heavy"))));

        List<ConfigTree> members = root.sections("members");

        assertThat(members).hasSize(2);
        assertThat(members.get(0).number("weight", 0)).isEqualTo(1.0);
        assertThatThrownBy(() -> members.get(1).number("weight", 0))
                .hasMessage("preference.members[1].weight: expected a number, got \"heavy\"");
        assertThat(new ConfigTree("", Map.of()).sections("members")).isEmpty();
    }

    @Test
    void aListEntryThatIsNotASectionIsRefused() {
        ConfigTree root = new ConfigTree("preference", Map.of("members", List.of(Map.of(), 3)));

        assertThatThrownBy(() -> root.sections("members"))
                .hasMessage("preference.members[1]: expected a section (a map of settings), got 3");
        assertThatThrownBy(() -> new ConfigTree("", Map.of("members", "all")).sections("members"))
                .hasMessage("members: expected a list of sections, got \"all\"");
    }

    @Test
    void aNullableTextIsNullOnlyWhenGivenAsNull() {
        Map<String, Object> values = new HashMap<>(Map.of("prompt_field", "text"));
        values.put("messages_field", null);
        ConfigTree prompts = new ConfigTree("prompts", values);

        assertThat(prompts.nullableString("prompt_field", "prompt")).isEqualTo("text");
        assertThat(prompts.nullableString("messages_field", "messages")).isNull();
        assertThat(prompts.nullableString("id_field", "id")).isEqualTo("id");
        prompts.checkNoUnknownKeys();
    }
}
