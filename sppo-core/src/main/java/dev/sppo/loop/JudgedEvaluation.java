package dev.sppo.loop;

import dev.sppo.evaluation.Degeneration;
import dev.sppo.evaluation.HeldOutResponses;
import dev.sppo.evaluation.JudgedScores;
import dev.sppo.evaluation.PolicyResponses;
import dev.sppo.evaluation.SamplesFile;
import dev.sppo.model.Policy;
import dev.sppo.preference.Judge;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.source.RunPrompt;

import java.io.IOException;
import java.util.List;

/**
 * Evaluation by a preference model, for prompts without gold answers (and for a task whose run names an
 * {@code evaluation.judge}): π_t's responses against π_0's and π_{t-1}'s, response k against response k, by the
 * judge's P(y_t ≻ y' | x) ({@link HeadToHead}: win rate with ties as half and its 95% interval, and the
 * length-controlled win rate against π_0 with lengths in tokens), π_t's mean response length, the training judge's
 * own win rate when it is not the evaluation judge, the gold task score where the source has gold answers, and the
 * {@link SamplesFile} of the iteration. π_1's previous policy is π_0, whose comparisons are not asked twice.
 */
final class JudgedEvaluation implements HeldOutEvaluation {

    private final List<RunPrompt> prompts;
    private final List<String> texts;
    private final List<int[]> ids;
    private final PreferenceModel judge;
    private final PreferenceModel proxy;
    private final Judge gold;
    private final SamplingParams sampling;
    private final SamplesFile samples;
    private Policy basePolicy;
    private HeldOutResponses base;
    private HeldOutResponses previous;

    /**
     * @param proxy the training preference model when it is not the evaluation judge, else null
     * @param gold the gold judge of the prompts, or null when they have no gold answers
     */
    JudgedEvaluation(List<RunPrompt> prompts, PreferenceModel judge, PreferenceModel proxy, Judge gold,
            SamplingParams sampling, SamplesFile samples) {
        this.prompts = List.copyOf(prompts);
        this.texts = prompts.stream().map(RunPrompt::text).toList();
        this.ids = prompts.stream().map(RunPrompt::ids).toList();
        this.judge = judge;
        this.proxy = proxy;
        this.gold = gold;
        this.sampling = sampling;
        this.samples = samples;
    }

    @Override
    public HeldOutScores base(Policy policy) {
        basePolicy = policy;
        base = HeldOutResponses.sample(policy, ids, sampling);
        previous = base;
        PolicyResponses graded = graded(base);
        return HeldOutScores.base(graded == null ? Double.NaN : graded.meanScore(),
                graded == null ? Double.NaN : graded.exactMatch(), base.meanCharacters(), base.meanTokens(),
                Degeneration.of(base, ids, policy), null);
    }

    @Override
    public HeldOutScores next(Policy policy, int t) throws IOException {
        HeldOutResponses current = HeldOutResponses.sample(policy, ids, sampling);
        JudgedScores judged = JudgedScores.judge(judge, proxy, texts, current, base, previous);
        samples.write(t, prompts, base, current, judged.vsBase());
        PolicyResponses graded = graded(current);
        HeldOutScores scores = new HeldOutScores(judged.vsBase().winRate(), judged.vsPrevious(),
                judged.proxyVsBase(), judged.lengthControlledVsBase(),
                graded == null ? Double.NaN : graded.meanScore(), graded == null ? Double.NaN : graded.exactMatch(),
                current.meanCharacters(), current.meanTokens(), Degeneration.of(current, ids, basePolicy), null);
        previous = current;
        return scores;
    }

    /** The responses graded by the gold judge, or null without one. */
    private PolicyResponses graded(HeldOutResponses responses) {
        return gold == null ? null : PolicyResponses.graded(texts, responses.texts(), gold);
    }
}
