package dev.sppo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

class SchemaSamplesTest {

    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("k", "id", "kind"),
            "properties", Map.of(
                    "k", Map.of("type", "integer", "minimum", 2, "maximum", 4),
                    "id", Map.of("type", "string", "format", "uuid"),
                    "kind", Map.of("type", "string", "enum", List.of("ranker", "reward_model")),
                    "name", Map.of("type", "string", "minLength", 3, "maxLength", 5),
                    "tags", Map.of("type", "array", "items", Map.of("type", "boolean"))));

    @Test
    void samplesHaveEveryRequiredPropertyInsideItsBounds() {
        SchemaSamples samples = new SchemaSamples(7);
        for (int i = 0; i < 200; i++) {
            JsonObject sample = samples.sample(SCHEMA).getAsJsonObject();
            assertThat(sample.get("k").getAsLong()).isBetween(2L, 4L);
            assertThat(UUID.fromString(sample.get("id").getAsString())).isNotNull();
            assertThat(sample.get("kind").getAsString()).isIn("ranker", "reward_model");
            if (sample.has("name")) {
                assertThat(sample.get("name").getAsString()).hasSizeBetween(3, 5);
            }
            if (sample.has("tags")) {
                assertThat(sample.getAsJsonArray("tags")).isNotEmpty()
                        .allMatch(t -> t.getAsJsonPrimitive().isBoolean());
            }
        }
    }

    @Test
    void optionalPropertiesComeSometimesAndTheSameSeedGivesTheSameSamples() {
        SchemaSamples samples = new SchemaSamples(7);
        SchemaSamples again = new SchemaSamples(7);
        int named = 0;
        for (int i = 0; i < 200; i++) {
            JsonObject sample = samples.sample(SCHEMA).getAsJsonObject();
            assertThat(sample).isEqualTo(again.sample(SCHEMA));
            named += sample.has("name") ? 1 : 0;
        }
        assertThat(named).as("about 35 % of 200").isBetween(40, 100);
    }
}
