package dev.sppo.loop;

import dev.sppo.evaluation.Evaluator;
import dev.sppo.evaluation.SamplesFile;
import dev.sppo.game.GameTracker;
import dev.sppo.model.Policy;
import dev.sppo.source.PromptSource;
import dev.sppo.source.RunPrompt;

import java.io.IOException;

/**
 * The held-out evaluation of a run: π_0 once, then each π_t against π_0 and π_{t-1}, on the source's held-out
 * prompts, always sampled with the evaluation's own seed so that response k of two policies pair up.
 */
interface HeldOutEvaluation {

    /** Evaluates π_0 and remembers its responses. */
    HeldOutScores base(Policy base);

    /** Evaluates π_t against π_0 and the previous policy, then remembers its responses as the previous ones. */
    HeldOutScores next(Policy policy, int t) throws IOException;

    /**
     * A task graded by its gold judge ({@link GoldEvaluation}) when the run has no evaluation judge; otherwise the
     * evaluation judge's comparisons ({@link JudgedEvaluation}), with gold scores where the source has gold answers.
     */
    static HeldOutEvaluation of(SppoConfig config, PromptSource source, RunJudges judges) {
        if (judges.evaluation() == null) {
            return new GoldEvaluation(new Evaluator(source.heldOut().stream().map(RunPrompt::text).toList(),
                    source.goldJudge().orElseThrow(), config.evaluation()), judges.proxy(),
                    config.task().task().game().map(GameTracker::new).orElse(null));
        }
        return new JudgedEvaluation(source.heldOut(), judges.evaluation(), judges.proxy(),
                source.goldJudge().orElse(null), config.evaluation().sampling(), new SamplesFile(config.runDir()));
    }
}
