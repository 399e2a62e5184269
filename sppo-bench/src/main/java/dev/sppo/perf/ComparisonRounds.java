package dev.sppo.perf;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Rounds of one {@link JobComparison}: several runs each way, because one run of the same job swings by a fifth on
 * a shared machine. Each side runs its rounds one after another in its own steady state; run i of each makes round
 * i. (Alternating the two sides gave the same ratios, 1.29–1.47 in six rounds against 1.25–1.62 in three.)
 *
 * @param rounds in the order run; at least one
 */
record ComparisonRounds(List<JobComparison> rounds) {

    ComparisonRounds {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("comparison rounds: none");
        }
        rounds = List.copyOf(rounds);
    }

    /** The round of the median ratio (of an even number, the lower of the two middle ones). */
    JobComparison median() {
        List<JobComparison> byRatio = rounds.stream().sorted(Comparator.comparingDouble(JobComparison::ratio))
                .toList();
        return byRatio.get((byRatio.size() - 1) / 2);
    }

    /** Such as "1.15, 1.45, 1.18", in the order run. */
    String ratios() {
        return rounds.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.ratio()))
                .collect(Collectors.joining(", "));
    }
}
