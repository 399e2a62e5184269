package dev.sppo.bench;

import dev.sppo.loop.IterationResult.PhaseTimes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Reads the {@link CostGrowth} rows axis by axis: from the smallest to the largest value of an axis, how many
 * times each phase's seconds grew, next to how many times the axis value grew,
 *
 * <pre>
 *   growth of a phase = seconds at the largest value / seconds at the smallest value
 * </pre>
 *
 * so that a phase proportional to the axis grows by the axis's own factor and one independent of it by about 1.
 */
final class GrowthReading {

    private GrowthReading() {}

    static String summary(List<GrowthRow> rows) {
        Map<String, List<GrowthRow>> byAxis = new LinkedHashMap<>();
        rows.forEach(row -> byAxis.computeIfAbsent(row.axis(), a -> new ArrayList<>()).add(row));
        List<String> lines = new ArrayList<>();
        byAxis.forEach((axis, axisRows) -> lines.add(line(axis, axisRows, value(axis))));
        return "Growth from the smallest to the largest value of each axis (seconds ratio):\n\n"
                + String.join("\n", lines) + "\n\nAddition answers are at most 3 characters and the base policy ends "
                + "them with its stop token, so a larger max_new_tokens generates almost nothing more; the gold judge "
                + "takes milliseconds, so the prefer ratios are timer noise; training sees one winner and one loser "
                + "per prompt (see the train steps: prompts whose K responses all tie give no pair, which happens more "
                + "often at small K), so it grows with the prompts and hardly with K.";
    }

    private static String line(String axis, List<GrowthRow> rows, ToIntFunction<IterationJob> value) {
        GrowthRow low = rows.get(0);
        GrowthRow high = rows.get(rows.size() - 1);
        PhaseTimes a = low.phases();
        PhaseTimes b = high.phases();
        return String.format(Locale.ROOT, "- %s %d → %d (×%.2f): generate ×%.2f, prefer ×%.2f, train ×%.2f.", axis,
                value.applyAsInt(low.job()), value.applyAsInt(high.job()),
                (double) value.applyAsInt(high.job()) / value.applyAsInt(low.job()), b.generate() / a.generate(),
                b.prefer() / a.prefer(), b.train() / a.train());
    }

    private static ToIntFunction<IterationJob> value(String axis) {
        return switch (axis) {
            case "K" -> IterationJob::k;
            case "prompts" -> IterationJob::prompts;
            case "max_new_tokens" -> IterationJob::maxNewTokens;
            default -> throw new IllegalArgumentException("unknown cost-growth axis '" + axis + "'");
        };
    }
}
