package dev.sppo.preferences;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaConfig;
import dev.sppo.preference.PairwiseAggregation;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.learned.PairwiseRanker;
import dev.sppo.preference.learned.RankerConfig;
import dev.sppo.preference.learned.RankerDirectory;
import dev.sppo.preference.learned.RewardModel;
import dev.sppo.preference.learned.RewardModelConfig;
import dev.sppo.preference.learned.RewardModelDirectory;
import dev.sppo.preference.onnx.TinyJudge;
import dev.sppo.task.Tasks;
import dev.sppo.tokenizer.CharTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** {@code POST /preferences} over real HTTP. */
class PreferencesEndpointTest extends PreferenceContextTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JsonMapper json;

    @Test
    void preferencesOfThreeResponsesRankTheGoldAnswerFirstAndCountThreePairs() throws Exception {
        double pairsBefore = pairsScored();

        HttpResponse<String> response = post("""
                {"preference": {"kind": "gold_judge", "task": "addition", "tau": 0.5},
                 "prompt": "12+30=", "responses": ["41", "42", "9"]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        Preferences preferences = json.readValue(response.body(), Preferences.class);
        // Gold scores r = (1/2, 1, 0); s = r / 0.5 = (1, 2, 0); P[1][0] = sigmoid(2 - 1).
        assertThat(preferences.scores()).containsExactly(1.0, 2.0, 0.0);
        assertThat(preferences.matrix().get(1).get(0)).isCloseTo(1 / (1 + Math.exp(-1)), offset(1e-12));
        assertThat(preferences.winRates().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.5, offset(1e-12));
        assertThat(preferences.winner()).isEqualTo(1);
        assertThat(preferences.loser()).isEqualTo(2);
        assertThat(pairsScored() - pairsBefore).isEqualTo(3.0);
    }

    @Test
    void aGoldJudgeIsBuiltForTheTaskWithTheSettingsTheRequestCarries() throws Exception {
        HttpResponse<String> threeDigits = post("""
                {"preference": {"kind": "gold_judge", "task": "addition",
                                "taskSettings": {"min_digits": 3, "max_digits": 3}},
                 "prompt": "123+456=", "responses": ["578", "579"]}""");
        HttpResponse<String> impossible = post("""
                {"preference": {"kind": "gold_judge", "task": "addition", "taskSettings": {"max_digits": 12}},
                 "prompt": "1+1=", "responses": ["2", "11"]}""");
        HttpResponse<String> unknownSetting = post("""
                {"preference": {"kind": "gold_judge", "task": "sorting", "taskSettings": {"max_digits": 3}},
                 "prompt": "sort 2,1=", "responses": ["1,2", "2,1"]}""");

        assertThat(threeDigits.statusCode()).as(threeDigits.body()).isEqualTo(200);
        assertThat(json.readValue(threeDigits.body(), Preferences.class).winner()).isEqualTo(1);
        assertThat(errorFields(impossible)).containsOnlyKeys("preference.task").hasEntrySatisfying("preference.task",
                problem -> assertThat(problem).startsWith("task.min_digits: addition needs").contains("maxDigits 12"));
        assertThat(errorFields(unknownSetting)).hasEntrySatisfying("preference.task",
                problem -> assertThat(problem).startsWith("task.max_digits: unknown setting"));
    }

    @Test
    void aRewardModelRequestWithoutTauIsReadAtTheTemperatureItWasTrainedAt() throws Exception {
        Path dir = Files.createTempDirectory(store, "reward-model");
        CharTokenizer tokenizer = new CharTokenizer(Tasks.byName("addition").alphabet());
        try (NDManager manager = NDManager.newBaseManager();
                RewardModel model = RewardModel.random(new RewardModelConfig(LlamaConfig.builder()
                        .vocabularyOf(tokenizer).hiddenSize(16).numHiddenLayers(1).numAttentionHeads(2).build(),
                        tokenizer.padId()), tokenizer, manager, 7, PreferenceKind.REWARD_MODEL.defaultTau())) {
            RewardModelDirectory.save(model, dir.resolve("rm"));
        }

        HttpResponse<String> response = post("""
                {"preference": {"kind": "reward_model", "modelUri": "%s"}, "prompt": "12+30=", "responses": ["41", "42"]}
                """.formatted(store.relativize(dir.resolve("rm"))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Preferences preferences = json.readValue(response.body(), Preferences.class);
        double rewardGap = preferences.scores().get(0) - preferences.scores().get(1);
        assertThat(preferences.matrix().get(0).get(1)).isCloseTo(1 / (1 + Math.exp(-rewardGap)), offset(1e-9));
    }

    @Test
    void aVaderSentimentRequestWithoutTauComparesCompoundScoresAtTheKindsTemperature() throws Exception {
        HttpResponse<String> response = post("""
                {"preference": {"kind": "vader_sentiment"}, "prompt": "The book",
                 "responses": ["The book was good.", "The book was bad."]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Preferences preferences = json.readValue(response.body(), Preferences.class);
        // compound = x / sqrt(x^2 + 15) of the lexicon valences 'good' 1.9 and 'bad' -2.5; tau 0.2
        double good = 1.9 / Math.sqrt(1.9 * 1.9 + 15);
        double bad = -2.5 / Math.sqrt(2.5 * 2.5 + 15);
        assertThat(preferences.matrix().get(0).get(1)).isCloseTo(1 / (1 + Math.exp(-(good - bad) / 0.2)),
                offset(1e-9));
    }

    @Test
    void invalidFieldsGive400NamingEachField() throws Exception {
        HttpResponse<String> response = post("""
                {"preference": {"kind": "gold_judge", "task": "", "tau": -1}, "responses": ["only one"]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, String> errors = JsonPath.read(response.body(), "$.errors");
        assertThat(errors).containsOnlyKeys("preference.task", "preference.tau", "prompt", "responses");
    }

    @Test
    void unknownKindTaskOrPromptGive400NamingTheField() throws Exception {
        String template = """
                {"preference": {"kind": "%s", "task": "%s"}, "prompt": "%s", "responses": ["1", "2"]}""";

        assertThat(errorFields(post(template.formatted("pairrm", "addition", "1+1=")))).containsOnlyKeys(
                "preference.kind");
        assertThat(errorFields(post(template.formatted("gold_judge", "poetry", "1+1=")))).containsOnlyKeys(
                "preference.task");
        assertThat(errorFields(post(template.formatted("gold_judge", "addition", "hello")))).containsOnlyKeys(
                "prompt");
    }

    @Test
    void anEnsembleOfTheGoldJudgeAndAnLlmJudgeAveragesTheirMatrices() throws Exception {
        HttpResponse<String> response = post("""
                {"preference": {"kind": "ensemble", "members": [
                   {"spec": {"kind": "gold_judge", "task": "addition", "tau": 0.5}, "weight": 1},
                   {"spec": {"kind": "llm_judge", "judge": "fake"}, "weight": 3}]},
                 "prompt": "12+30=", "responses": ["41", "42", "9"]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        Preferences preferences = json.readValue(response.body(), Preferences.class);
        // gold: s = (1, 2, 0), P[1][0] = sigmoid(1); the fake LLM ties "42" with "41" (0.5) and prefers both to "9".
        assertThat(preferences.matrix().get(1).get(0)).isCloseTo(0.25 / (1 + Math.exp(-1)) + 0.75 * 0.5,
                offset(1e-12));
        assertThat(preferences.matrix().get(0).get(2)).isCloseTo(0.25 / (1 + Math.exp(-1)) + 0.75, offset(1e-12));
        assertThat(preferences.winner()).isEqualTo(1);
        assertThat(preferences.loser()).isEqualTo(2);
    }

    @Test
    void specsThatCannotBeServedGive400NamingTheFieldPath() throws Exception {
        assertThat(errorFields(post(body("""
                {"kind": "llm_judge"}""")))).containsOnlyKeys("preference.judge");
        assertThat(errorFields(post(body("""
                {"kind": "llm_judge", "judge": "gpt-9"}""")))).containsEntry("preference.judge",
                "no LLM judge named 'gpt-9' is configured in this preference-service (configured: down, fake, local)");
        assertThat(errorFields(post(body("""
                {"kind": "ensemble", "members": [{"spec": {"kind": "llm_judge", "judge": "fake"}, "weight": -1},
                   {"spec": {"kind": "llm_judge"}, "weight": 1}]}""")))).containsOnlyKeys(
                "preference.members[0].weight");
        assertThat(errorFields(post(body("""
                {"kind": "ensemble", "members": [{"spec": {"kind": "llm_judge", "judge": "fake"}, "weight": 1},
                   {"spec": {"kind": "llm_judge"}, "weight": 1}]}""")))).containsOnlyKeys(
                "preference.members[1].spec.judge");
        Path missing = store.resolve("no-ranker-here");
        assertThat(errorFields(post(body("""
                {"kind": "ranker", "modelUri": "%s"}""".formatted(missing.toUri())))))
                .hasEntrySatisfying("preference.model_uri",
                        problem -> assertThat(problem).contains("cannot load the ranker at " + missing));
    }

    @Test
    void aRankerCheckpointIsLoadedFromItsUriAndGivesAConsistentMatrix() throws Exception {
        Path dir = Files.createTempDirectory(store, "model");
        CharTokenizer tokenizer = new CharTokenizer(Tasks.byName("addition").alphabet());
        try (NDManager manager = NDManager.newBaseManager();
                PairwiseRanker ranker = PairwiseRanker.random(RankerConfig.tiny(tokenizer, 16, 1, 2), tokenizer,
                        manager, 7)) {
            RankerDirectory.save(ranker, dir.resolve("ranker"));
        }

        HttpResponse<String> response = post("""
                {"preference": {"kind": "ranker", "modelUri": "%s"}, "prompt": "12+30=", "responses": ["41", "42", "9"]}
                """.formatted(dir.resolve("ranker").toUri()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<List<Double>> p = json.readValue(response.body(), Preferences.class).matrix();
        for (int i = 0; i < 3; i++) {
            assertThat(p.get(i).get(i)).isEqualTo(0.5);
            for (int j = 0; j < 3; j++) {
                assertThat(p.get(i).get(j) + p.get(j).get(i)).isCloseTo(1.0, offset(1e-12));
            }
        }
    }

    @Test
    void anExportedRewardModelIsLoadedFromItsUriAndReadAsBradleyTerryAtTau() throws Exception {
        Path dir = Files.createTempDirectory(store, "model");
        TinyJudge.write(dir.resolve("onnx"), null);

        HttpResponse<String> response = post("""
                {"preference": {"kind": "onnx_reward", "modelUri": "%s", "tau": 2.0}, "prompt": "the movie",
                 "responses": ["was good", "bad bad"]}
                """.formatted(dir.resolve("onnx").toUri()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Preferences preferences = json.readValue(response.body(), Preferences.class);
        double r0 = TinyJudge.score("the movie", "was good", 0);
        double r1 = TinyJudge.score("the movie", "bad bad", 0);
        assertThat(preferences.scores().get(0)).isCloseTo(r0, offset(1e-5));
        assertThat(preferences.scores().get(1)).isCloseTo(r1, offset(1e-5));
        assertThat(preferences.matrix().get(0).get(1)).isCloseTo(1 / (1 + Math.exp(-(r0 - r1) / 2.0)), offset(1e-6));
    }

    @Test
    void anExportedPairwiseModelIsAggregatedAsPairwiseAggregation() throws Exception {
        Path dir = Files.createTempDirectory(store, "model");
        TinyJudge.write(dir.resolve("pairrm"), null);
        List<String> responses = List.of("was good", "bad", "the plot");
        double[][] logits = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                logits[i][j] = i == j ? 0 : TinyJudge.score("the movie [A] " + responses.get(i) + " [B] "
                        + responses.get(j), null, 0);
            }
        }

        HttpResponse<String> response = post("""
                {"preference": {"kind": "onnx_pairwise", "modelUri": "%s"}, "prompt": "the movie",
                 "responses": ["was good", "bad", "the plot"]}
                """.formatted(dir.resolve("pairrm").toUri()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<List<Double>> p = json.readValue(response.body(), Preferences.class).matrix();
        double[][] expected = PairwiseAggregation.fromLogits(logits).p();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(p.get(i).get(j)).as("P[%d][%d]", i, j).isCloseTo(expected[i][j], offset(1e-6));
            }
        }
    }

    @Test
    void anExportedModelWithoutTheConfiguredOutputGives400NamingIt() throws Exception {
        Path dir = Files.createTempDirectory(store, "model");
        TinyJudge.write(dir.resolve("onnx"), "{\"output\": \"scores\"}");

        assertThat(errorFields(post(body("""
                {"kind": "onnx_reward", "modelUri": "%s"}""".formatted(dir.resolve("onnx").toUri())))))
                .hasEntrySatisfying("preference.model_uri", problem -> assertThat(problem)
                        .contains("cannot load the onnx_reward", "no output 'scores'"));
    }

    @Test
    void aJudgeThatFailsAfterItsRetriesGives502WithoutTheKey() throws Exception {
        HttpResponse<String> response = post(body("""
                {"kind": "llm_judge", "judge": "down"}"""));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("LLM judge 'down'",
                "failed after 2 attempt(s)").doesNotContain(KEY);
    }

    private static String body(String preference) {
        return """
                {"preference": %s, "prompt": "1+1=", "responses": ["2", "11"]}""".formatted(preference);
    }

    private double pairsScored() {
        return registry.get("sppo.preference.pairs").counter().count();
    }

    private static Map<String, String> errorFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return JsonPath.read(response.body(), "$.errors");
    }

    /** POSTs to {@code /preferences} with the service key. */
    private HttpResponse<String> post(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/preferences"))
                .header("Content-Type", "application/json").header("X-Service-Key", SERVICE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
