package dev.sppo.trainer.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.loop.SppoConfig;
import dev.sppo.loop.SppoConfigReader;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class ProxyEvaluationTest {

    private static final List<String> PROMPTS = List.of("12+30=", "1+1=");
    /** π_1 gets 12+30 right and 1+1 wrong; π_0 the other way round, with one tie each. */
    private static final PolicyResponses CURRENT = responses(List.of(List.of("42", "41"), List.of("3", "2")));
    private static final PolicyResponses BASE = responses(List.of(List.of("41", "41"), List.of("2", "2")));

    @Test
    void aGoldJudgeJobHasNoProxyWinRate() {
        assertThat(ProxyEvaluation.vsBase(new SppoConfigReader().defaults(), PROMPTS, CURRENT, BASE)).isNull();
    }

    @Test
    void anEnsembleOfTheGoldJudgeAloneJudgesExactlyLikeIt() {
        SppoConfig config = new SppoConfigReader().read(Map.of("preference", Map.of("kind", "ensemble",
                "members", List.of(Map.of("spec", Map.of("kind", "gold_judge"))))));
        var gold = addition(CURRENT).against(addition(BASE));

        assertThat(ProxyEvaluation.vsBase(config, PROMPTS, CURRENT, BASE)).isEqualTo(gold);
        assertThat(gold.wins()).isEqualTo(1);
        assertThat(gold.losses()).isEqualTo(1);
    }

    @Test
    void aJobTrainedAgainstAnLlmJudgeHasNoProxyWinRateInTheTrainer() {
        SppoConfig config = new SppoConfigReader().read(
                Map.of("preference", Map.of("kind", "llm_judge", "judge", "local")));

        assertThat(ProxyEvaluation.vsBase(config, PROMPTS, CURRENT, BASE)).isNull();
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
