package dev.sppo.contracts.job;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of an iteration's {@code metrics} in the job view. Iteration t records the update π_t → π_{t+1}:
 * its generate phase, the training (loss, mean P̂ of winners and losers, the trained responses' log-ratio, reward
 * accuracy, gradient norm, tokens/s), and the evaluation of π_{t+1} on held-out prompts (win rates with 95%
 * intervals, task score, exact match, the sampled KL to π_t). Iteration 0 also holds π_0's own held-out scores ({@code base_*}). A value that is
 * not a finite number is stored as null.
 */
public enum Metric {

    /** Seconds from sending iteration t's generation requests to storing its last scored prompt. */
    GENERATE_SECONDS("generate_seconds"),
    /** Prompts whose scored responses the update selected from. */
    PROMPTS("prompts"),
    /** Prompts that gave at least one training row. */
    PROMPTS_TRAINED("prompts_trained"),
    /** Rows the update trained on. */
    TRAINING_ROWS("training_rows"),
    /** Mean P̂ of the selected winners. */
    WINNER_WIN_RATE("winner_win_rate"),
    /** Mean P̂ of the selected losers. */
    LOSER_WIN_RATE("loser_win_rate"),
    /** Optimizer steps of the update. */
    STEPS("steps"),
    /** Mean training loss of the update. */
    LOSS("loss"),
    /** Mean log π_θ/π_ref of the winners (sppo_all: of the responses with P̂ ≥ 1/2). */
    LOG_RATIO_CHOSEN("log_ratio_chosen"),
    /** Mean log π_θ/π_ref of the losers (sppo_all: of the responses with P̂ &lt; 1/2). */
    LOG_RATIO_REJECTED("log_ratio_rejected"),
    /** Fraction of pairs whose winner gained more log-ratio than its loser. */
    REWARD_ACCURACY("reward_accuracy"),
    /**
     * Mean log π_t(y|x) - log π_{t+1}(y|x) over the trained responses: minus their mean log-ratio. Not a KL (the
     * responses are picked by rank, and it goes negative); {@link #KL} is the sampled estimate.
     */
    REFERENCE_LOG_RATIO("reference_log_ratio"),
    /** Mean pre-clipping gradient norm. */
    GRAD_NORM("grad_norm"),
    /** Policy tokens (forward and backward) processed per second. */
    TOKENS_PER_SECOND("tokens_per_second"),
    /** Seconds the update took; present once the iteration has trained. */
    TRAIN_SECONDS("train_seconds"),
    /** π_{t+1} against π_0 on held-out prompts, with its 95% interval. */
    WIN_RATE_VS_BASE("win_rate_vs_base", true),
    /** π_{t+1} against π_t. */
    WIN_RATE_VS_PREVIOUS("win_rate_vs_previous", true),
    /** π_{t+1} against π_0 as the proxy preference model the job trains against judges it; absent for gold. */
    PROXY_WIN_RATE_VS_BASE("proxy_win_rate_vs_base", true),
    /**
     * π_{t+1}'s win rate against π_0 at equal response lengths (in tokens), in the manner of AlpacaEval 2.0: the
     * evaluation judge's preference fitted on the length difference and read out at zero; present when a judge
     * evaluates (a text job, or a task job with {@code evaluation.judge}).
     */
    LENGTH_CONTROLLED_WIN_RATE_VS_BASE("length_controlled_win_rate_vs_base"),
    /** Mean gold score of π_{t+1}'s held-out responses. */
    TASK_SCORE("task_score"),
    /** Fraction of π_{t+1}'s held-out responses that are exactly right. */
    EXACT_MATCH("exact_match"),
    /**
     * KL(π_{t+1} ‖ π_t) in nats: the mean of log π_{t+1}(y|x) - log π_t(y|x) over responses y sampled from π_{t+1}
     * on the held-out prompts.
     */
    KL("kl"),
    /** KL(π_{t+1} ‖ π_0) in nats, from the same responses as {@link #KL}: how far the job has drifted. */
    KL_VS_BASE("kl_vs_base"),
    /** Mean length of π_{t+1}'s held-out responses, in characters. */
    MEAN_RESPONSE_LENGTH("mean_response_length"),
    /** Mean length of π_{t+1}'s held-out responses, in tokens; present when a judge evaluates. */
    MEAN_RESPONSE_TOKENS("mean_response_tokens"),
    /**
     * exp(− Σ log π_0(y|x) / Σ |y|) over π_{t+1}'s held-out responses: how unlikely its text is under π_0, which
     * soars when a policy degenerates to please its judge; present when a judge evaluates.
     */
    PERPLEXITY_UNDER_BASE("perplexity_under_base"),
    /** Distinct word unigrams over all word unigrams of π_{t+1}'s held-out responses; present when a judge evaluates. */
    DISTINCT_1("distinct_1"),
    /** Distinct word bigrams over all word bigrams of π_{t+1}'s held-out responses; present when a judge evaluates. */
    DISTINCT_2("distinct_2"),
    /** Seconds the evaluation of π_{t+1} took. */
    EVALUATE_SECONDS("evaluate_seconds"),
    /** π_0's mean gold score on the held-out prompts (iteration 0 only). */
    BASE_TASK_SCORE("base_task_score"),
    /** π_0's exact-match fraction on the held-out prompts (iteration 0 only). */
    BASE_EXACT_MATCH("base_exact_match"),
    /** {@link #PERPLEXITY_UNDER_BASE} of π_0's own held-out responses (iteration 0 of a judged job only). */
    BASE_PERPLEXITY("base_perplexity"),
    /** {@link #DISTINCT_2} of π_0's held-out responses (iteration 0 of a judged job only). */
    BASE_DISTINCT_2("base_distinct_2"),
    /** {@link #MEAN_RESPONSE_TOKENS} of π_0's held-out responses (iteration 0 of a judged job only). */
    BASE_MEAN_RESPONSE_TOKENS("base_mean_response_tokens"),
    /** Prompts of either split cut from the left to {@code max_prompt_tokens} (iteration 0 of a text job only). */
    PROMPTS_TRUNCATED("prompts_truncated"),
    /** Prompts left out as longer than {@code max_prompt_tokens} (iteration 0 of a text job only). */
    PROMPTS_TOO_LONG("prompts_too_long"),
    /** Lines of the prompt file left out under {@code on_bad_line: skip} (iteration 0 of a text job only). */
    BAD_LINES_SKIPPED("bad_lines_skipped");

    private static final Map<String, Metric> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Metric::key, Function.identity()));

    private final String key;
    private final boolean winRate;

    Metric(String key) {
        this(key, false);
    }

    Metric(String key, boolean winRate) {
        this.key = key;
        this.winRate = winRate;
    }

    /** The member's name in the metrics JSON. */
    public String key() {
        return key;
    }

    /** Whether the value is a {@link WinRateView} object rather than a number. */
    public boolean isWinRate() {
        return winRate;
    }

    /** {@code value} as the metrics JSON stores a measurement: null when it is NaN or infinite. */
    public static Double jsonValue(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The metric stored under {@code key}, if it is one of these. */
    public static Optional<Metric> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
