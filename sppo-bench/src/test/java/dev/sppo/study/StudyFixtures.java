package dev.sppo.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made studies and outcomes. */
final class StudyFixtures {

    private StudyFixtures() {}

    /** A one-iteration study of sppo, dpo and ipo on addition over seeds 1, 2, 3. */
    static StudyConfig threeMethods(Path dir) {
        return new StudyConfigReader().read(Map.of("iterations", 1, "output_dir", dir.resolve("docs").toString(),
                "runs_dir", dir.resolve("runs").toString(), "methods", List.of("sppo", "dpo", "ipo")));
    }

    /** {@link #threeMethods} with {@link #outcomes}. */
    static StudyResults results(Path dir, double[][] winRates) {
        StudyConfig config = threeMethods(dir);
        return new StudyResults(config, outcomes(config, winRates));
    }

    /**
     * Outcomes whose π_1 win rates are {@code winRates[method][seed]}; the task score is the win rate minus
     * 0.1, KL 0.1 · (method + 1), length 3; π_0 has score 0.5, KL 0 and length 3.
     */
    static List<RunOutcome> outcomes(StudyConfig config, double[][] winRates) {
        List<RunOutcome> out = new ArrayList<>();
        for (int m = 0; m < config.methods().size(); m++) {
            for (int s = 0; s < config.seeds().size(); s++) {
                double w = winRates[m][s];
                out.add(new RunOutcome(new RunKey("addition", config.methods().get(m).name(), config.seeds().get(s)),
                        "digest", List.of(new RunPoint(0, Double.NaN, 0.5, 0.25, 0, 3, null),
                                new RunPoint(1, w, w - 0.1, w - 0.2, 0.1 * (m + 1), 3, null))));
            }
        }
        return out;
    }
}
