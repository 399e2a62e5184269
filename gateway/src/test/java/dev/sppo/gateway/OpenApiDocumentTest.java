package dev.sppo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.contracts.job.CheckpointView;
import dev.sppo.gateway.openapi.OpenApiController;
import dev.sppo.gateway.ops.OpsController;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document against the gateway's routes and the engine's config defaults. */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("src/main/resources/openapi/sppo-api.yaml");
    private static final Path ENGINE_DEFAULTS =
            Path.of("../sppo-core/src/main/resources/dev/sppo/loop/default-train.yaml");

    private static final Map<String, Set<String>> PUBLIC_API = Map.ofEntries(
            Map.entry("/api/jobs", Set.of("get", "post")),
            Map.entry("/api/jobs/{id}", Set.of("get")),
            Map.entry("/api/jobs/{id}/cancel", Set.of("post")),
            Map.entry("/api/jobs/{id}/pause", Set.of("post")),
            Map.entry("/api/jobs/{id}/resume", Set.of("post")),
            Map.entry("/api/jobs/{id}/stop", Set.of("post")),
            Map.entry("/api/jobs/{id}/continuous", Set.of("get")),
            Map.entry("/api/jobs/{id}/samples/{version}", Set.of("get")),
            Map.entry("/api/pins", Set.of("get")),
            Map.entry("/api/pins/{jobId}", Set.of("put", "delete")),
            Map.entry("/api/checkpoints/{id}", Set.of("get")),
            Map.entry("/api/checkpoints/{id}/archive", Set.of("get")),
            Map.entry("/api/preference-models", Set.of("post", "get")),
            Map.entry("/api/preference-models/{id}", Set.of("get")),
            Map.entry("/api/datasets", Set.of("post", "get")),
            Map.entry("/api/datasets/{id}", Set.of("get")),
            Map.entry("/api/models", Set.of("post", "get")),
            Map.entry("/api/models/{id}", Set.of("get")),
            Map.entry("/api/generate", Set.of("post")),
            Map.entry("/api/preferences", Set.of("post")),
            Map.entry("/api/ops/overview", Set.of("get")),
            Map.entry("/api/openapi.yaml", Set.of("get")));

    private final YamlFile document = YamlFile.load(DOCUMENT);

    @Test
    void documentsExactlyThePublicOperations() {
        Map<String, Set<String>> operations = new TreeMap<>();
        map(document.root(), "paths").forEach((path, item) -> operations.put(path, map(item).keySet().stream()
                .filter(key -> !key.equals("parameters")).collect(Collectors.toSet())));

        assertThat(String.valueOf(document.get("openapi"))).startsWith("3.");
        assertThat(operations).isEqualTo(new TreeMap<>(PUBLIC_API));
    }

    @Test
    void everyGatewayRouteAndGatewayEndpointIsDocumentedAndNothingElseUnderApi() {
        List<String> routed = GatewayRoutes.load().stream().flatMap(route -> route.paths().stream()).toList();

        assertThat(routed).hasSize(20).doesNotHaveDuplicates();
        assertThat(map(document.root(), "paths").keySet())
                .containsExactlyInAnyOrderElementsOf(concat(routed, OpenApiController.PATH, OpsController.PATH));
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document.root(), refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            Object target = document.root();
            for (String part : ref.substring(2).split("/")) {
                target = map(target).get(part);
            }
            assertThat(target).as(ref).isInstanceOf(Map.class);
        }
    }

    @Test
    void everyKeyedOperationDocumentsMissingAndWrongKeyAndUnavailableService() {
        map(document.root(), "paths").forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (method.equals("parameters") || map(operation).containsKey("security")) {
                return;
            }
            assertThat(map(operation, "responses").keySet()).as(method + " " + path)
                    .contains("401", "403", "503");
        }));
        assertThat(map(document.root(), "paths", "/api/openapi.yaml", "get").get("security")).isEqualTo(List.of());
    }

    @Test
    void apiKeySchemeIsTheXApiKeyHeaderRequiredEverywhere() {
        assertThat(map(document.root(), "components", "securitySchemes", "ApiKey"))
                .containsEntry("type", "apiKey").containsEntry("in", "header").containsEntry("name", "X-API-Key");
        assertThat(document.root().get("security")).isEqualTo(List.of(Map.of("ApiKey", List.of())));
    }

    @Test
    void jobConfigHasEveryField() {
        Map<String, Object> config = schema("JobConfig");

        assertThat(properties(config)).containsOnlyKeys("name", "task", "prompts", "base", "iterations",
                "prompts_per_iteration", "sampling", "preference", "training", "evaluation", "seed", "continuous");
        assertThat(properties(map(properties(config), "continuous"))).containsOnlyKeys("round_prompts",
                "max_wait_seconds", "staleness_bound", "stale_action", "max_regenerations", "max_rounds_behind",
                "promotion_threshold");
        assertThat(properties(map(properties(config), "task"))).containsOnlyKeys("name", "min_digits", "max_digits",
                "min_length", "max_length", "digits");
        assertThat(properties(map(properties(config), "base"))).containsOnlyKeys("path", "model", "checkpoint",
                "warm_start");
        assertThat(properties(schema("Sampling")))
                .containsOnlyKeys("k", "temperature", "top_p", "top_k", "max_new_tokens");
        assertThat(properties(map(properties(config), "preference"))).containsOnlyKeys("kind", "tau", "judge",
                "model_uri", "members");
        assertThat(properties(map(properties(config), "training"))).containsOnlyKeys("loss", "beta", "epochs",
                "batch_size", "optimizer", "learning_rate", "warmup_ratio", "weight_decay", "max_grad_norm");
        assertThat(properties(map(properties(config), "evaluation")))
                .containsOnlyKeys("prompts", "samples_per_prompt", "judge");
        assertThat(properties(map(properties(config), "prompts"))).containsOnlyKeys("dataset", "eval_dataset",
                "eval_fraction", "max_prompt_tokens", "truncate");
    }

    @Test
    void jobConfigDefaultsAreTheEngineDefaults() {
        YamlFile defaults = YamlFile.load(ENGINE_DEFAULTS);
        Map<String, Object> documented = new TreeMap<>();
        collectDefaults("", schema("JobConfig"), documented);

        assertThat(documented).hasSizeGreaterThan(20);
        documented.forEach((key, value) -> assertThat(numeric(defaults.get(key)))
                .as("default of %s in %s", key, ENGINE_DEFAULTS).isEqualTo(numeric(value)));
    }

    @Test
    void jobAndCheckpointViewsHaveTheirFields() {
        assertThat(properties(schema("Job")))
                .containsKeys("id", "state", "config", "iterations", "checkpoints", "createdAt", "failureReason");
        assertThat(properties(schema("Iteration"))).containsKeys("iteration", "phase", "expectedPrompts",
                "receivedPrompts", "metrics");
        assertThat(properties(schema("Checkpoint")).keySet()).as("the fields of the trainer's CheckpointView")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(CheckpointView.class.getRecordComponents())
                        .map(RecordComponent::getName).toList());
        assertThat(map(schema("JobState")).get("enum"))
                .isEqualTo(List.of("QUEUED", "RUNNING", "PAUSED", "SUCCEEDED", "FAILED", "CANCELLED"));
        assertThat(properties(schema("Problem"))).containsKeys("type", "title", "status", "detail");
    }

    @Test
    void samplesHaveTheTrainersSnakeCaseFields() {
        assertThat(properties(schema("JobSamples"))).containsOnlyKeys("job_id", "version", "rows");
        assertThat(properties(schema("SampleRow"))).containsOnlyKeys("prompt_id", "prompt_text", "base_response",
                "policy_response", "preference");
        assertThat(map(document.root(), "paths", "/api/jobs/{id}/samples/{version}", "get", "responses").keySet())
                .contains("200", "400", "404");
    }

    @Test
    void uploadedDatasetAndModelRecordsHaveTheTrainersFields() {
        assertThat(properties(schema("Dataset"))).containsOnlyKeys("id", "name", "fileName", "format", "fields",
                "sha256", "bytes", "prompts", "createdAt");
        assertThat(properties(schema("PromptFields"))).containsOnlyKeys("id", "prompt", "messages");
        assertThat(properties(schema("Model"))).containsOnlyKeys("id", "name", "modelType", "sha256", "bytes",
                "createdAt");
        assertThat(map(document.root(), "paths", "/api/datasets", "post", "requestBody", "content").keySet())
                .containsExactlyInAnyOrder("application/x-ndjson", "application/jsonl", "text/csv");
        assertThat(map(document.root(), "paths", "/api/models", "post", "requestBody", "content").keySet())
                .containsExactlyInAnyOrder("application/x-tar", "application/gzip", "application/octet-stream");
    }

    private Map<String, Object> schema(String name) {
        return map(document.root(), "components", "schemas", name);
    }

    private Map<String, Object> properties(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        Map<String, Object> resolved = ref == null ? schema
                : schema(String.valueOf(ref).substring("#/components/schemas/".length()));
        return map(resolved, "properties");
    }

    /** Each leaf property's documented default, keyed by its config path (e.g. training.beta). */
    private void collectDefaults(String prefix, Map<String, Object> schema, Map<String, Object> out) {
        if (schema.containsKey("default")) {
            out.put(prefix, schema.get("default"));
        }
        boolean nested = schema.containsKey("properties") || schema.containsKey("$ref");
        if (nested) {
            properties(schema).forEach((name, child) ->
                    collectDefaults(prefix.isEmpty() ? name : prefix + "." + name, map(child), out));
        }
    }

    private static Object numeric(Object value) {
        return value instanceof Number n ? (Object) n.doubleValue() : value;
    }

    private static void collectRefs(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    out.add(String.valueOf(value));
                } else {
                    collectRefs(value, out);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, out));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            assertThat(current).as("parent of " + key).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        assertThat(current).as(String.join(".", keys)).isInstanceOf(Map.class);
        return (Map<String, Object>) current;
    }

    private static List<String> concat(List<String> list, String... extra) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(extra));
        return all;
    }
}
