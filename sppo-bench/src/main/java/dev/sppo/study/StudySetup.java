package dev.sppo.study;

import dev.sppo.loop.SppoConfig;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The "Setup" section of {@code results.md}: what every run shared, what each method changed, the statistics. */
final class StudySetup {

    private StudySetup() {}

    static String of(StudyConfig config) {
        SppoConfig run = config.runConfig(config.runs().get(0));
        StringBuilder md = new StringBuilder("## Setup\n\n");
        md.append(String.format(Locale.ROOT, "- Tasks %s; seeds %s; T = %d iterations per run; %d runs in all.%n",
                config.tasks().stream().map(StudySetup::task).toList(), config.seeds(), config.iterations(),
                config.runs().size()));
        md.append(budgets(run));
        md.append("- Shared start: all methods of one seed start from the same π_0 (the SFT warm start, cached by "
                + "task, warm-start settings and seed) and see the same training prompts, sampling seeds and "
                + "evaluation set; seeds differ in all of these.\n");
        md.append(methods(config, run.sampling().numSamples()));
        md.append(String.format(Locale.ROOT, "- Gold win rate vs π_0: each of π_t's held-out responses against "
                + "π_0's response with the same index under the task's gold score (a tie counts half). "
                + "KL(π_t ‖ π_0): mean of log π_t(y|x) − log π_0(y|x) over y ~ π_t at temperature 1, %d held-out "
                + "prompts × %d samples, both log-probs teacher-forced. Response length in characters.%n",
                config.klPrompts(), config.klSamplesPerPrompt()));
        md.append(games(config));
        int df = Math.max(1, config.seeds().size() - 1);
        md.append(String.format(Locale.ROOT, "- Statistics: every cell is the mean over the %d seeds ± the "
                + "half-width of its 95%% t-interval (t_{0.975, %d} = %.3f); seeds are the unit of replication. "
                + "Paired differences subtract two methods seed by seed before averaging.%n", config.seeds().size(),
                df, StudentT.quantile975(df)));
        return md.toString();
    }

    /** What the game metrics mean, when the study has a task of answer classes. */
    private static String games(StudyConfig config) {
        List<String> games = config.tasks().stream().map(StudyTask::name)
                .filter(task -> config.runConfig(config.runs().stream().filter(key -> key.task().equals(task))
                        .findFirst().orElseThrow()).task().task().game().isPresent()).toList();
        if (games.isEmpty()) {
            return "";
        }
        return "- Tasks of answer classes (" + String.join(", ", games) + "): the gold preference is the task's class "
                + "matrix, which SPPO, DPO and IPO all train against; the Nash mixture is solved exactly by linear "
                + "programming. Their gold score of a response is min(1, 2·P(its class ≻ Nash)), 1 on every answer "
                + "of the Nash support, so their gold win rate and exact match only measure how much of π_t sits on "
                + "the support; the game metrics are computed exactly over the classes from π_t's class shares on "
                + "the held-out responses. The averaged iterate π̄_t, the uniform mixture of π_1..π_t, is evaluated "
                + "in-process: sampling it picks an iterate per response, so its class distribution is the mean of "
                + "the iterates' shares, which is what is reported.\n";
    }

    private static String budgets(SppoConfig run) {
        return String.format(Locale.ROOT, "- Equal budgets: every run trains on %d fresh prompts per iteration "
                + "with K = %d samples each (temperature %s, top_p %s), %d epochs of batch %d, %s with learning rate "
                + "%.2g, β = %s unless a method overrides it, and is evaluated on the same %d held-out prompts × %d "
                + "samples.%n", run.promptsPerIteration(), run.sampling().numSamples(), run.sampling().temperature(),
                run.sampling().topP(), run.training().epochs(), run.training().batchSize(),
                run.training().optimizer().kind().name().toLowerCase(Locale.ROOT),
                run.training().optimizer().learningRate(), run.training().beta(), run.evaluation().prompts(),
                run.evaluation().sampling().numSamples());
    }

    private static String methods(StudyConfig config, int k) {
        StringBuilder md = new StringBuilder("- Methods (the loss of `training.loss`, and each method's own "
                + "overrides):\n");
        for (StudyMethod method : config.methods()) {
            md.append("  - `").append(method.name()).append("`: loss `").append(method.loss().id()).append('`')
                    .append(method.overrides().isEmpty() ? "" : ", overrides " + method.overrides()).append('\n');
        }
        if (config.methods().stream().anyMatch(m -> m.loss().trainsOnAllResponses())) {
            md.append(String.format(Locale.ROOT, "- The same data, not the same compute: pair losses train on the "
                    + "winner and loser of each prompt (a batch counts pairs), `sppo_all` on all K = %d responses "
                    + "(a batch counts responses), so it passes %.1f× the sequences through the model and takes "
                    + "%d× the optimizer steps.%n", k, k / 2.0, k));
        }
        return md.toString();
    }

    /** {@code addition}, or {@code sorting {max_length=6}} for a task with settings. */
    private static String task(StudyTask task) {
        Map<String, Object> settings = new TreeMap<>(task.section());
        settings.remove("name");
        return settings.isEmpty() ? task.name() : task.name() + " " + settings;
    }
}
