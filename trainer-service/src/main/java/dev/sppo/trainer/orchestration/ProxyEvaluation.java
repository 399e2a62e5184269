package dev.sppo.trainer.orchestration;

import ai.djl.ndarray.NDManager;
import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.ProxyWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.config.InvalidConfigException;
import dev.sppo.loop.RunPreferences;
import dev.sppo.loop.SppoConfig;
import dev.sppo.preference.PreferenceModel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The proxy's side of the paper's setup: when a job trains against something other than the task's gold judge
 * (a learned ranker or reward model, an ensemble), π_{t+1}'s win rate against π_0 as that proxy judges it, to
 * stand beside the gold win rate. LLM judges live in the preference-service, so a job trained against one has
 * no proxy win rate here (logged once per evaluation).
 */
final class ProxyEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyEvaluation.class);

    private ProxyEvaluation() {}

    /** @return the proxy's win rate, or null for a gold-judge job or a proxy that cannot be built here */
    static WinRate vsBase(SppoConfig config, List<String> prompts, PolicyResponses current, PolicyResponses base) {
        if (!RunPreferences.isProxy(config.preference())) {
            return null;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            PreferenceModel proxy = RunPreferences.build(config.preference(), config.task().task(), manager);
            return ProxyWinRate.of(proxy, prompts, current, base);
        } catch (InvalidConfigException e) {
            LOG.info("no proxy win rate for this job: {}", e.getMessage());
            return null;
        }
    }
}
