package dev.sppo.study;

import dev.sppo.game.ClassGame;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcomes of a study's runs, aggregated over seeds: for a task, method, iteration t and metric, the
 * per-seed values x_s and their {@link MeanInterval}; and the paired difference of two methods,
 * d_s = x_s(a) - x_s(b), whose interval excludes 0 when the methods differ beyond seed noise (both methods of
 * a seed share π_0, prompts and evaluation set, so the pairing removes the between-seed variance).
 *
 * @param config the study
 * @param outcomes one per finished run
 */
public record StudyResults(StudyConfig config, List<RunOutcome> outcomes) {

    public StudyResults {
        outcomes = List.copyOf(outcomes);
    }

    /** x_s for each seed of the study, in seed order (NaN where that run is missing). */
    public double[] seedValues(String task, String method, int t, Metric metric) {
        return config.seeds().stream().mapToDouble(seed -> outcomes.stream()
                .filter(o -> o.key().equals(new RunKey(task, method, seed)) && o.points().size() > t)
                .mapToDouble(o -> metric.of(o.at(t))).findFirst().orElse(Double.NaN)).toArray();
    }

    /** The class game of a task of answer classes, which its game metrics refer to. */
    public Optional<ClassGame> game(String task) {
        RunKey any = new RunKey(task, config.methods().get(0).name(), config.seeds().get(0));
        return config.runConfig(any).task().task().game();
    }

    /**
     * π_t's mean class shares over the seeds whose run measured them, indexed like the game's classes; empty
     * when no run did.
     *
     * @param averaged the averaged iterate's shares instead of the last iterate's
     */
    public Optional<double[]> meanShares(String task, String method, int t, boolean averaged) {
        List<List<Double>> shares = outcomes.stream()
                .filter(o -> o.key().task().equals(task) && o.key().method().equals(method) && o.points().size() > t)
                .map(o -> o.at(t).game()).filter(Objects::nonNull)
                .map(g -> averaged ? g.averagedShares() : g.shares()).filter(Objects::nonNull).toList();
        if (shares.isEmpty()) {
            return Optional.empty();
        }
        double[] mean = new double[shares.get(0).size()];
        for (List<Double> seed : shares) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += seed.get(i) / shares.size();
            }
        }
        return Optional.of(mean);
    }

    /** The mean over seeds with its 95% t-interval. */
    public MeanInterval summary(String task, String method, int t, Metric metric) {
        return MeanInterval.of(seedValues(task, method, t, metric));
    }

    /** The mean over seeds of x_s(a) - x_s(b), with its 95% t-interval. */
    public MeanInterval pairedDifference(String task, String a, String b, int t, Metric metric) {
        double[] first = seedValues(task, a, t, metric);
        double[] second = seedValues(task, b, t, metric);
        double[] differences = new double[first.length];
        for (int s = 0; s < first.length; s++) {
            differences[s] = first[s] - second[s];
        }
        return MeanInterval.of(differences);
    }
}
