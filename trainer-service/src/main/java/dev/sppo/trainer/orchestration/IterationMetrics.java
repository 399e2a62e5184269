package dev.sppo.trainer.orchestration;

import dev.sppo.contracts.job.Metric;
import dev.sppo.contracts.job.WinRateView;
import dev.sppo.evaluation.Degeneration;
import dev.sppo.evaluation.HeldOutResponses;
import dev.sppo.evaluation.JudgedScores;
import dev.sppo.evaluation.KlEstimate;
import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.WinRate;
import dev.sppo.source.PromptCounts;
import dev.sppo.training.TrainingData;
import dev.sppo.training.TrainingSummary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An iteration's {@code metrics} JSON, under the keys of the job contract ({@link Metric}). Iteration t's row
 * describes the update π_t → π_{t+1}: training, evaluation of π_{t+1} on held-out prompts and seconds per phase
 * (the generate phase's seconds are recorded by {@code IterationRepository.beginTraining}). Iteration 0 also
 * holds π_0's own scores. Values that are not numbers (NaN) are stored as null.
 */
final class IterationMetrics {

    private IterationMetrics() {}

    static Map<String, Object> training(TrainingSummary s, TrainingData data, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Metric.PROMPTS.key(), data.responsesPerPrompt().size());
        m.put(Metric.PROMPTS_TRAINED.key(), data.promptsWithRows());
        m.put(Metric.TRAINING_ROWS.key(), data.rows().size());
        number(m, Metric.WINNER_WIN_RATE, data.winnerWinRate());
        number(m, Metric.LOSER_WIN_RATE, data.loserWinRate());
        m.put(Metric.STEPS.key(), s.steps());
        number(m, Metric.LOSS, s.loss());
        number(m, Metric.LOG_RATIO_CHOSEN, s.meanLogRatioChosen());
        number(m, Metric.LOG_RATIO_REJECTED, s.meanLogRatioRejected());
        number(m, Metric.REWARD_ACCURACY, s.rewardAccuracy());
        number(m, Metric.REFERENCE_LOG_RATIO, s.referenceLogRatio());
        number(m, Metric.GRAD_NORM, s.gradNorm());
        number(m, Metric.TOKENS_PER_SECOND, s.tokensPerSecond());
        number(m, Metric.TRAIN_SECONDS, seconds);
        return m;
    }

    /**
     * @param proxyVsBase π_{t+1} against π_0 under the proxy the job trains against, or null when it is gold
     * @param kl KL(π_{t+1} ‖ π_t) and KL(π_{t+1} ‖ π_0), sampled from π_{t+1}
     */
    static Map<String, Object> evaluation(PolicyResponses current, PolicyResponses base, PolicyResponses previous,
            WinRate proxyVsBase, Kl kl, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Metric.WIN_RATE_VS_BASE.key(), winRate(current.against(base)));
        m.put(Metric.WIN_RATE_VS_PREVIOUS.key(), winRate(current.against(previous)));
        if (proxyVsBase != null) {
            m.put(Metric.PROXY_WIN_RATE_VS_BASE.key(), winRate(proxyVsBase));
        }
        number(m, Metric.TASK_SCORE, current.meanScore());
        number(m, Metric.EXACT_MATCH, current.exactMatch());
        kl.put(m);
        number(m, Metric.MEAN_RESPONSE_LENGTH, current.meanLength());
        number(m, Metric.EVALUATE_SECONDS, seconds);
        return m;
    }

    /**
     * π_{t+1} judged by the evaluation judge against π_0 and π_t ({@link JudgedScores}), with the gold scores of a
     * task's responses when it has gold answers.
     *
     * @param graded π_{t+1}'s responses graded by the task's gold judge, or null without gold answers
     * @param degeneration of π_{t+1}'s responses, under π_0
     */
    static Map<String, Object> judged(JudgedScores scores, HeldOutResponses current, PolicyResponses graded,
            Degeneration degeneration, Kl kl, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Metric.WIN_RATE_VS_BASE.key(), winRate(scores.vsBase().winRate()));
        m.put(Metric.WIN_RATE_VS_PREVIOUS.key(), winRate(scores.vsPrevious()));
        if (scores.proxyVsBase() != null) {
            m.put(Metric.PROXY_WIN_RATE_VS_BASE.key(), winRate(scores.proxyVsBase()));
        }
        number(m, Metric.LENGTH_CONTROLLED_WIN_RATE_VS_BASE, scores.lengthControlledVsBase().rate());
        if (graded != null) {
            number(m, Metric.TASK_SCORE, graded.meanScore());
            number(m, Metric.EXACT_MATCH, graded.exactMatch());
        }
        kl.put(m);
        number(m, Metric.MEAN_RESPONSE_LENGTH, current.meanCharacters());
        number(m, Metric.MEAN_RESPONSE_TOKENS, current.meanTokens());
        number(m, Metric.PERPLEXITY_UNDER_BASE, degeneration.perplexityUnderBase());
        number(m, Metric.DISTINCT_1, degeneration.distinct1());
        number(m, Metric.DISTINCT_2, degeneration.distinct2());
        number(m, Metric.EVALUATE_SECONDS, seconds);
        return m;
    }

    /**
     * Iteration 0's record of π_0 and the job's prompts: π_0's gold scores when the prompts have gold answers, and
     * what became of a dataset's long prompts and bad lines.
     *
     * @param graded π_0's responses graded by the task's gold judge, or null without gold answers
     * @param judged π_0's held-out responses and their degeneration under π_0, when a judge evaluates; else null
     */
    static Map<String, Object> base(PolicyResponses graded, JudgedBase judged, PromptCounts prompts) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (judged != null) {
            number(m, Metric.BASE_PERPLEXITY, judged.degeneration().perplexityUnderBase());
            number(m, Metric.BASE_DISTINCT_2, judged.degeneration().distinct2());
            number(m, Metric.BASE_MEAN_RESPONSE_TOKENS, judged.responses().meanTokens());
        }
        if (graded != null) {
            number(m, Metric.BASE_TASK_SCORE, graded.meanScore());
            number(m, Metric.BASE_EXACT_MATCH, graded.exactMatch());
        } else {
            m.put(Metric.PROMPTS_TRUNCATED.key(), prompts.truncated());
            m.put(Metric.PROMPTS_TOO_LONG.key(), prompts.tooLong());
            m.put(Metric.BAD_LINES_SKIPPED.key(), prompts.badLines());
        }
        return m;
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** π_0's held-out responses, when a judge evaluates, and their degeneration under π_0 itself. */
    record JudgedBase(HeldOutResponses responses, Degeneration degeneration) {}

    /** KL(π_{t+1} ‖ π_t) and KL(π_{t+1} ‖ π_0), from the same responses sampled from π_{t+1}. */
    record Kl(KlEstimate vsPrevious, KlEstimate vsBase) {

        void put(Map<String, Object> m) {
            number(m, Metric.KL, vsPrevious.mean());
            number(m, Metric.KL_VS_BASE, vsBase.mean());
        }
    }

    /** Puts {@code value} under {@code metric}, null when it is not finite. */
    private static void number(Map<String, Object> m, Metric metric, double value) {
        m.put(metric.key(), Metric.jsonValue(value));
    }

    private static Map<String, Object> winRate(WinRate w) {
        return new WinRateView(w.rate(), w.lower(), w.upper(), w.wins(), w.ties(), w.losses()).json();
    }
}
