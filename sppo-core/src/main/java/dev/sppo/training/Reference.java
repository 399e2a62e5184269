package dev.sppo.training;

import dev.sppo.model.Policy;
import dev.sppo.scoring.SequenceScorer;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link ReferenceMode#RECOMPUTE}: the reference log π_t(y|x) from a teacher-forced pass of the policy before
 * its first update, which is exactly the frozen copy of π_t without keeping a second model in memory.
 */
public final class Reference {

    private static final int BATCH = 64;

    private Reference() {}

    /** The rows with their reference log-probs replaced by a teacher-forced pass of {@code policy}. */
    public static List<ScoredResponse> recompute(Policy policy, List<ScoredResponse> rows) {
        double[] logps = new SequenceScorer(policy.model(), policy.padId()).score(
                rows.stream().map(ScoredResponse::prompt).toList(),
                rows.stream().map(ScoredResponse::response).toList(), BATCH);
        List<ScoredResponse> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ScoredResponse r = rows.get(i);
            out.add(new ScoredResponse(r.prompt(), r.response(), logps[i], r.winRate()));
        }
        return out;
    }
}
