package dev.sppo.bench;

import dev.sppo.chart.ChartFile;
import dev.sppo.chart.LineChart;
import dev.sppo.chart.Series;

import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** The figures of {@code docs/performance.md}, drawn from the measurements of the in-process sections. */
final class PerformanceCharts {

    private PerformanceCharts() {}

    /** Cached sampling throughput against log₂ of the batch size. */
    static ChartFile sampling(List<Integer> batches, List<Spread> cachedByBatch) {
        double[] x = batches.stream().mapToDouble(b -> Math.log(b) / Math.log(2)).toArray();
        double[] y = cachedByBatch.stream().mapToDouble(Spread::median).toArray();
        LineChart chart = new LineChart("Sampling with the KV cache", "log2(batch size)", "new tokens/s (median)")
                .add(Series.line("cached", x, y));
        return new ChartFile("sampling_batch.png", "Cached sampling throughput by batch size", chart);
    }

    /** Seconds of the generate and train phases against one axis of the cost-growth runs. */
    static ChartFile growth(List<GrowthRow> rows, String axis, ToIntFunction<IterationJob> value) {
        List<GrowthRow> mine = rows.stream().filter(r -> r.axis().equals(axis)).toList();
        double[] x = mine.stream().mapToDouble(r -> value.applyAsInt(r.job())).toArray();
        LineChart chart = new LineChart("One SPPO iteration against " + axis, axis, "seconds")
                .add(Series.line("generate", x, mine.stream().mapToDouble(r -> r.phases().generate()).toArray()))
                .add(Series.line("train", x, mine.stream().mapToDouble(r -> r.phases().train()).toArray()));
        return new ChartFile("growth_" + axis.toLowerCase(Locale.ROOT) + ".png",
                "Iteration seconds against " + axis, chart);
    }
}
