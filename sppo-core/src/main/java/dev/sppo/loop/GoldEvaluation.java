package dev.sppo.loop;

import dev.sppo.evaluation.Evaluator;
import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.ProxyWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.model.Policy;
import dev.sppo.preference.PreferenceModel;

/**
 * A built-in task's evaluation: each policy's held-out responses graded by the gold judge, π_t's win rate against
 * π_0 and π_{t-1} by comparing grades (ties count half), its task score and exact-match rate, and when SPPO trains
 * against a proxy the proxy's own win rate against π_0 beside the gold one.
 */
final class GoldEvaluation implements HeldOutEvaluation {

    private final Evaluator evaluator;
    private final PreferenceModel proxy;
    private PolicyResponses base;
    private PolicyResponses previous;

    /** @param proxy the training preference model when it is a proxy of the gold judge, else null */
    GoldEvaluation(Evaluator evaluator, PreferenceModel proxy) {
        this.evaluator = evaluator;
        this.proxy = proxy;
    }

    @Override
    public HeldOutScores base(Policy policy) {
        base = evaluator.responses(policy);
        previous = base;
        return HeldOutScores.base(base.meanScore(), base.exactMatch(), base.meanLength(), Double.NaN);
    }

    @Override
    public HeldOutScores next(Policy policy, int t) {
        PolicyResponses current = evaluator.responses(policy);
        WinRate proxyVsBase = proxy == null ? null : ProxyWinRate.of(proxy, evaluator.promptTexts(), current, base);
        HeldOutScores scores = new HeldOutScores(current.against(base), current.against(previous), proxyVsBase, null,
                current.meanScore(), current.exactMatch(), current.meanLength(), Double.NaN);
        previous = current;
        return scores;
    }
}
