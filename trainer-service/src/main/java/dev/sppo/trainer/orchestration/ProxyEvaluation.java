package dev.sppo.trainer.orchestration;

import ai.djl.ndarray.NDManager;
import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.ProxyWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.loop.RunPreferences;
import dev.sppo.loop.SppoConfig;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.trainer.judges.PreferenceServiceException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The proxy's side of the paper's setup: when a job trains against something other than the task's gold judge
 * (a learned ranker or reward model, an LLM judge, an ensemble), π_{t+1}'s win rate against π_0 as that proxy judges
 * it, to stand beside the gold win rate. The proxy is built as the in-process loop builds it; its LLM judges come
 * from the given resolver (the preference-service, where they are configured).
 */
final class ProxyEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyEvaluation.class);

    private ProxyEvaluation() {}

    /**
     * @return the proxy's win rate, or null for a gold-judge job or a proxy that cannot be built or asked now (the
     *     reason is logged)
     */
    static WinRate vsBase(SppoConfig config, LlmJudgeResolver llmJudges, List<String> prompts,
            PolicyResponses current, PolicyResponses base) {
        if (!RunPreferences.isProxy(config.preference())) {
            return null;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            PreferenceModel proxy = RunPreferences.build(config.preference(), manager, llmJudges);
            return ProxyWinRate.of(proxy, prompts, current, base);
        } catch (InvalidConfigException | PreferenceServiceException e) {
            LOG.warn("no proxy win rate for this job: {}", e.getMessage());
            return null;
        }
    }
}
