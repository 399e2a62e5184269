package dev.sppo.trainer.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.WinRate;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.PreferenceMatrix;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.service.auth.ServiceAuth;
import dev.sppo.service.auth.ServiceKeyProperties;
import dev.sppo.trainer.judges.PreferenceServiceClient;
import dev.sppo.trainer.judges.PreferenceServiceJudges;
import dev.sppo.trainer.judges.PreferenceServiceProperties;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ProxyEvaluationTest {

    private static final List<String> PROMPTS = List.of("12+30=", "1+1=");
    /** π_1 gets 12+30 right and 1+1 wrong; π_0 the other way round, with one tie each. */
    private static final PolicyResponses CURRENT = responses(List.of(List.of("42", "41"), List.of("3", "2")));
    private static final PolicyResponses BASE = responses(List.of(List.of("41", "41"), List.of("2", "2")));
    private static final LlmJudgeResolver NO_JUDGES = LlmJudgeResolver.unavailable("none in this test");
    private static final SppoConfig LLM_JUDGE_JOB = new SppoConfigReader().read(
            Map.of("preference", Map.of("kind", "llm_judge", "judge", "local")));

    @Test
    void aGoldJudgeJobHasNoProxyWinRate() {
        assertThat(ProxyEvaluation.vsBase(new SppoConfigReader().defaults(), NO_JUDGES, PROMPTS, CURRENT, BASE))
                .isNull();
    }

    @Test
    void anEnsembleOfTheGoldJudgeAloneJudgesExactlyLikeIt() {
        SppoConfig config = new SppoConfigReader().read(Map.of("preference", Map.of("kind", "ensemble",
                "members", List.of(Map.of("spec", Map.of("kind", "gold_judge"))))));
        var gold = addition(CURRENT).against(addition(BASE));

        assertThat(ProxyEvaluation.vsBase(config, NO_JUDGES, PROMPTS, CURRENT, BASE)).isEqualTo(gold);
        assertThat(gold.wins()).isEqualTo(1);
        assertThat(gold.losses()).isEqualTo(1);
    }

    @Test
    void aJobTrainedAgainstAnLlmJudgeIsJudgedByTheJudgeItNames() {
        List<String> asked = new ArrayList<>();
        LlmJudgeResolver judges = spec -> {
            asked.add(spec.name());
            return (prompt, responses) -> {
                double first = 0.5 + Math.signum(responses.get(0).compareTo(responses.get(1))) / 2;
                PreferenceMatrix m = new PreferenceMatrix(new double[][] {{0.5, first}, {1 - first, 0.5}});
                return new PreferenceResult(m, m.winRates());
            };
        };

        WinRate proxy = ProxyEvaluation.vsBase(LLM_JUDGE_JOB, judges, PROMPTS, CURRENT, BASE);

        assertThat(asked).containsExactly("local");
        // the judge prefers the text that sorts last: 42 beats 41, 3 beats 2, and the equal texts tie
        assertThat(proxy.wins()).isEqualTo(2);
        assertThat(proxy.ties()).isEqualTo(2);
    }

    @Test
    void aPreferenceServiceThatCannotBeReachedLeavesNoProxyWinRateAndTheJobGoesOn() {
        JsonMapper json = JsonMapper.builder().build();
        PreferenceServiceJudges unreachable = new PreferenceServiceJudges(new PreferenceServiceClient(
                new PreferenceServiceProperties(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(5)),
                new ServiceKeyProperties(ServiceAuth.DISABLED, null), json), json);

        assertThat(ProxyEvaluation.vsBase(LLM_JUDGE_JOB, unreachable, PROMPTS, CURRENT, BASE)).isNull();
    }

    private static PolicyResponses responses(List<List<String>> texts) {
        return new PolicyResponses(texts, new double[texts.size()][texts.get(0).size()]);
    }

    /** The same texts with the addition task's gold scores. */
    private static PolicyResponses addition(PolicyResponses r) {
        var judge = new SppoConfigReader().defaults().task().task().judge();
        double[][] scores = new double[PROMPTS.size()][];
        for (int i = 0; i < PROMPTS.size(); i++) {
            String prompt = PROMPTS.get(i);
            scores[i] = r.texts().get(i).stream().mapToDouble(text -> judge.score(prompt, text)).toArray();
        }
        return new PolicyResponses(r.texts(), scores);
    }
}
