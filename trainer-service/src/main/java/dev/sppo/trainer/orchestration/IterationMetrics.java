package dev.sppo.trainer.orchestration;

import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.WinRate;
import dev.sppo.training.TrainingData;
import dev.sppo.training.TrainingSummary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of an iteration's {@code metrics} JSON. Iteration t's row describes the update π_t → π_{t+1}:
 * training (loss, mean P̂ of winners and losers, KL estimate, reward accuracy, gradient norm, tokens/s),
 * evaluation of π_{t+1} on held-out prompts (win rate vs π_0 and vs π_t with 95% intervals, task score, exact
 * match) and seconds per phase. Iteration 0 also holds π_0's own scores ({@code base_*}). Values that are
 * not numbers (NaN) are stored as null.
 */
final class IterationMetrics {

    private IterationMetrics() {}

    static Map<String, Object> training(TrainingSummary s, TrainingData data, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompts", data.responsesPerPrompt().size());
        m.put("prompts_trained", data.promptsWithRows());
        m.put("training_rows", data.rows().size());
        m.put("winner_win_rate", number(data.winnerWinRate()));
        m.put("loser_win_rate", number(data.loserWinRate()));
        m.put("steps", s.steps());
        m.put("loss", number(s.loss()));
        m.put("log_ratio_chosen", number(s.meanLogRatioChosen()));
        m.put("log_ratio_rejected", number(s.meanLogRatioRejected()));
        m.put("reward_accuracy", number(s.rewardAccuracy()));
        m.put("kl", number(s.klEstimate()));
        m.put("grad_norm", number(s.gradNorm()));
        m.put("tokens_per_second", number(s.tokensPerSecond()));
        m.put("train_seconds", number(seconds));
        return m;
    }

    /** @param proxyVsBase π_{t+1} against π_0 under the proxy the job trains against, or null when it is gold */
    static Map<String, Object> evaluation(PolicyResponses current, PolicyResponses base, PolicyResponses previous,
            WinRate proxyVsBase, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("win_rate_vs_base", winRate(current.against(base)));
        m.put("win_rate_vs_previous", winRate(current.against(previous)));
        if (proxyVsBase != null) {
            m.put("proxy_win_rate_vs_base", winRate(proxyVsBase));
        }
        m.put("task_score", number(current.meanScore()));
        m.put("exact_match", number(current.exactMatch()));
        m.put("mean_response_length", number(current.meanLength()));
        m.put("evaluate_seconds", number(seconds));
        return m;
    }

    static Map<String, Object> base(PolicyResponses base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base_task_score", number(base.meanScore()));
        m.put("base_exact_match", number(base.exactMatch()));
        return m;
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static Map<String, Object> winRate(WinRate w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", number(w.rate()));
        m.put("lower", number(w.lower()));
        m.put("upper", number(w.upper()));
        m.put("wins", w.wins());
        m.put("ties", w.ties());
        m.put("losses", w.losses());
        return m;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
