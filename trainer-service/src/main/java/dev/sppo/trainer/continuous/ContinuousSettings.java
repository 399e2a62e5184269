package dev.sppo.trainer.continuous;

import dev.sppo.config.ConfigTree;
import dev.sppo.config.InvalidConfigException;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code continuous} section of a job config; a job that has one is a continuous job: it consumes
 * {@code sppo.prompts} instead of its task's training split.
 *
 * @param roundPrompts N: a round closes once N prompts wait ({@code round_prompts})
 * @param maxWait a round also closes, with fewer prompts, once its oldest prompt has waited this long
 *     ({@code max_wait_seconds})
 * @param stalenessBound S: responses sampled from a policy more than S versions behind the serving one are
 *     stale ({@code staleness_bound})
 * @param staleAction what happens to a stale response ({@code stale_action}: regenerate or drop)
 * @param maxRegenerations how often one prompt is regenerated before it is dropped ({@code max_regenerations})
 * @param maxRoundsBehind B: prompt consumption pauses while more than B formed rounds are not finished
 *     ({@code max_rounds_behind})
 * @param promotionThreshold the candidate is promoted only if its held-out win rate against the serving version
 *     is at least this ({@code promotion_threshold}, in [0, 1])
 */
public record ContinuousSettings(
        int roundPrompts,
        Duration maxWait,
        int stalenessBound,
        StaleAction staleAction,
        int maxRegenerations,
        int maxRoundsBehind,
        double promotionThreshold) {

    /** The config key whose presence makes a job continuous. */
    public static final String KEY = "continuous";

    /** What to do with a response from a policy more than S versions behind. */
    public enum StaleAction {
        /** Ask again with the serving version (up to {@code max_regenerations} times, then drop). */
        REGENERATE,
        /** Leave the prompt out of its round. */
        DROP
    }

    public ContinuousSettings {
        if (roundPrompts < 1 || roundPrompts > 10_000) {
            throw new IllegalArgumentException("round_prompts must be in [1, 10000], got " + roundPrompts);
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("max_wait_seconds must be > 0, got " + maxWait);
        }
        if (stalenessBound < 0 || maxRegenerations < 0 || maxRoundsBehind < 0) {
            throw new IllegalArgumentException("staleness_bound, max_regenerations and max_rounds_behind must be"
                    + " >= 0, got " + stalenessBound + ", " + maxRegenerations + ", " + maxRoundsBehind);
        }
        if (!(promotionThreshold >= 0 && promotionThreshold <= 1)) {
            throw new IllegalArgumentException("promotion_threshold must be in [0, 1], got " + promotionThreshold);
        }
    }

    public static boolean isContinuous(Map<String, Object> config) {
        return config.containsKey(KEY);
    }

    /**
     * Reads the section with its defaults (N = 8, 30 s, S = 1, regenerate twice, B = 2, threshold 0.5).
     *
     * @throws dev.sppo.config.InvalidConfigException naming the field ({@code continuous.round_prompts: ...})
     */
    @SuppressWarnings("unchecked")
    public static ContinuousSettings read(Object section) {
        if (section != null && !(section instanceof Map)) {
            throw new InvalidConfigException(KEY + ": expected a section (a map of settings), got " + section);
        }
        ConfigTree tree = new ConfigTree(KEY, (Map<String, Object>) section);
        int n = tree.integer("round_prompts", 8);
        double waitSeconds = tree.number("max_wait_seconds", 30);
        int s = tree.integer("staleness_bound", 1);
        StaleAction action = tree.choice("stale_action", StaleAction.class, StaleAction.REGENERATE);
        int regenerations = tree.integer("max_regenerations", 2);
        int behind = tree.integer("max_rounds_behind", 2);
        double threshold = tree.number("promotion_threshold", 0.5);
        tree.checkNoUnknownKeys();
        return tree.validated("", () -> new ContinuousSettings(n, Duration.ofMillis(Math.round(waitSeconds * 1000)),
                s, action, regenerations, behind, threshold));
    }
}
