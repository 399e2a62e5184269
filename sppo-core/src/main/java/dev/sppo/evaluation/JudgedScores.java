package dev.sppo.evaluation;

import dev.sppo.preference.PreferenceModel;

import java.util.List;

/**
 * A policy π_t judged against π_0 and π_{t-1} by a preference model on the held-out prompts, response k against
 * response k ({@link HeadToHead}): the win rates with ties as half, the length-controlled win rate against π_0 with
 * lengths in tokens, and the training model's own win rate when it is a proxy of the judge.
 *
 * @param vsBase the judge's verdicts on π_t's responses against π_0's
 * @param vsPrevious π_t's win rate against π_{t-1}
 * @param proxyVsBase π_t against π_0 as the proxy judges it; null without a proxy
 * @param lengthControlledVsBase π_t's win rate against π_0 at equal response lengths
 */
public record JudgedScores(
        HeadToHead vsBase, WinRate vsPrevious, WinRate proxyVsBase, LengthControlledWinRate lengthControlledVsBase) {

    /**
     * Asks the judge (and the proxy) about every pair. When {@code previous} is {@code base} itself (π_1, whose
     * previous policy is π_0) its comparisons are not asked twice.
     *
     * @param proxy the training preference model when it is not the judge, else null
     * @param prompts the held-out prompt texts, as judges read them
     */
    public static JudgedScores judge(PreferenceModel judge, PreferenceModel proxy, List<String> prompts,
            HeldOutResponses current, HeldOutResponses base, HeldOutResponses previous) {
        HeadToHead vsBase = HeadToHead.judge(judge, prompts, current.texts(), base.texts());
        WinRate vsPrevious = previous == base ? vsBase.winRate()
                : HeadToHead.judge(judge, prompts, current.texts(), previous.texts()).winRate();
        WinRate proxyVsBase = proxy == null ? null
                : HeadToHead.judge(proxy, prompts, current.texts(), base.texts()).winRate();
        return new JudgedScores(vsBase, vsPrevious, proxyVsBase,
                vsBase.lengthControlled(current.lengths(), base.lengths()));
    }
}
