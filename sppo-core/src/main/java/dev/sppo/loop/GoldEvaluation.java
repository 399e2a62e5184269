package dev.sppo.loop;

import dev.sppo.evaluation.Evaluator;
import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.ProxyWinRate;
import dev.sppo.evaluation.WinRate;
import dev.sppo.game.GameScores;
import dev.sppo.game.GameTracker;
import dev.sppo.model.Policy;
import dev.sppo.preference.PreferenceModel;

import java.util.List;

/**
 * A built-in task's evaluation: each policy's held-out responses graded by the gold judge, π_t's win rate against
 * π_0 and π_{t-1} by comparing grades (ties count half), its task score and exact-match rate, and when SPPO trains
 * against a proxy the proxy's own win rate against π_0 beside the gold one. For a task of answer classes it also
 * follows the iterates, last and averaged, through the task's class game ({@link GameTracker}).
 */
final class GoldEvaluation implements HeldOutEvaluation {

    private final Evaluator evaluator;
    private final PreferenceModel proxy;
    private final GameTracker game;
    private PolicyResponses base;
    private PolicyResponses previous;

    /**
     * @param proxy the training preference model when it is a proxy of the gold judge, else null
     * @param game the tracker of the task's class game, or null for a task without one
     */
    GoldEvaluation(Evaluator evaluator, PreferenceModel proxy, GameTracker game) {
        this.evaluator = evaluator;
        this.proxy = proxy;
        this.game = game;
    }

    @Override
    public HeldOutScores base(Policy policy) {
        base = evaluator.responses(policy);
        previous = base;
        return HeldOutScores.base(base.meanScore(), base.exactMatch(), base.meanLength(), Double.NaN, null,
                game == null ? null : game.base(all(base)));
    }

    @Override
    public HeldOutScores next(Policy policy, int t) {
        PolicyResponses current = evaluator.responses(policy);
        WinRate proxyVsBase = proxy == null ? null : ProxyWinRate.of(proxy, evaluator.promptTexts(), current, base);
        HeldOutScores scores = new HeldOutScores(current.against(base), current.against(previous), proxyVsBase, null,
                current.meanScore(), current.exactMatch(), current.meanLength(), Double.NaN, null,
                game == null ? null : game.next(all(current)));
        previous = current;
        return scores;
    }

    private static List<String> all(PolicyResponses responses) {
        return responses.texts().stream().flatMap(List::stream).toList();
    }
}
