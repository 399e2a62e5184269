package dev.sppo.study;

import dev.sppo.game.GameScores;

/**
 * What one run measured of π_t on held-out prompts.
 *
 * @param iteration t
 * @param winRate gold win rate of π_t against π_0 (ties count half); NaN for π_0 itself
 * @param taskScore mean graded gold score
 * @param exactMatch fraction of exactly right responses
 * @param klToBase estimated KL(π_t ‖ π_0) in nats per response (0 for π_0)
 * @param responseLength mean response length in characters
 * @param game class shares and exploitability of π_t and of the averaged iterate, for a task of answer classes;
 *     null otherwise
 */
public record RunPoint(int iteration, double winRate, double taskScore, double exactMatch, double klToBase,
        double responseLength, GameScores game) {}
