package dev.sppo.loop;

import ai.djl.ndarray.NDManager;
import dev.sppo.preference.LlmJudgeResolver;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceModelSpec;

/**
 * The preference models of a run, loaded before anything trains so that a bad one fails first: the one SPPO trains
 * against ({@code preference}) and the one evaluation compares policies by ({@link SppoConfig#evaluationJudge()};
 * none when a task's gold judge grades). One spec named twice is loaded once. Closing releases the learned ones.
 */
public final class RunJudges implements AutoCloseable {

    private static final String EVALUATION_JUDGE = "evaluation.judge";

    private final SppoConfig config;
    private final PreferenceModel training;
    private final PreferenceModel evaluation;

    private RunJudges(SppoConfig config, PreferenceModel training, PreferenceModel evaluation) {
        this.config = config;
        this.training = training;
        this.evaluation = evaluation;
    }

    /**
     * @param llmJudges supplies the LLM judges the specs name
     * @throws dev.sppo.config.InvalidConfigException naming the {@code preference} or {@code evaluation.judge}
     *     field that cannot be served
     */
    public static RunJudges build(SppoConfig config, NDManager manager, LlmJudgeResolver llmJudges) {
        PreferenceModel training = RunPreferences.build(config.preference(), manager, llmJudges);
        PreferenceModelSpec judge = config.evaluationJudge().orElse(null);
        if (judge == null || judge.equals(config.preference())) {
            return new RunJudges(config, training, judge == null ? null : training);
        }
        try {
            return new RunJudges(config, training, RunPreferences.build(EVALUATION_JUDGE, judge, manager, llmJudges));
        } catch (RuntimeException e) {
            release(training);
            throw e;
        }
    }

    public PreferenceModel training() {
        return training;
    }

    /** The evaluation judge, or null when a task's gold judge grades. */
    public PreferenceModel evaluation() {
        return evaluation;
    }

    /**
     * The training model when it is a proxy of the evaluation judge, to report its own win rate beside the
     * evaluation's: under gold evaluation any kind but the gold judge, under a judge any model but that judge.
     */
    public PreferenceModel proxy() {
        boolean proxy = evaluation == null ? RunPreferences.isProxy(config.preference()) : evaluation != training;
        return proxy ? training : null;
    }

    @Override
    public void close() {
        release(training);
        if (evaluation != training) {
            release(evaluation);
        }
    }

    private static void release(PreferenceModel model) {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a preference model failed: " + e.getMessage(), e);
            }
        }
    }
}
