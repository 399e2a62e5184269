package dev.sppo.trainer.messaging;

import dev.sppo.contracts.GeneratedResponse;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.preference.PreferenceMatrix;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.sampling.Sample;
import dev.sppo.training.PromptOutcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a {@link ScoredPrompt} message back into the {@link PromptOutcome} that the in-process loop would have
 * built, so that training rows are selected by the same code ({@link PromptOutcome#rows}).
 */
public final class ScoredPrompts {

    private ScoredPrompts() {}

    /** @throws InvalidMessageException when the message does not hold the job's K responses */
    public static void requireK(ScoredPrompt scored, int k) {
        int got = scored.responses().responses().size();
        if (got != k) {
            throw new InvalidMessageException("ScoredPrompt.responses.responses: job "
                    + scored.responses().request().jobId() + " asked for K = " + k + " responses, got " + got);
        }
    }

    /**
     * @throws InvalidMessageException when the matrix or scores break the preference invariants
     *     (P[i][i] = 1/2, P[i][j] + P[j][i] = 1, finite scores)
     */
    public static PromptOutcome outcome(ScoredPrompt scored) {
        PreferenceResult preference;
        try {
            preference = new PreferenceResult(new PreferenceMatrix(matrix(scored.matrix())),
                    scored.scores().stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("ScoredPrompt.matrix/scores: " + e.getMessage(), e);
        }
        List<GeneratedResponse> responses = scored.responses().responses();
        List<Sample> samples = new ArrayList<>(responses.size());
        for (int k = 0; k < responses.size(); k++) {
            samples.add(sample(k, responses.get(k)));
        }
        int[] promptIds = scored.responses().promptIds().stream().mapToInt(Integer::intValue).toArray();
        return new PromptOutcome(scored.key(), promptIds, samples, preference);
    }

    /**
     * A message's response carries its stop token inside {@code tokenIds} and log π_t(tokenIds | x) with the stop
     * token's term included; the sample splits the stop token off and keeps the whole log-prob in {@code logprob},
     * so {@code responseWithStop()} and {@code sequenceLogprob()} give back exactly what was sent.
     */
    private static Sample sample(int k, GeneratedResponse r) {
        int[] ids = r.tokenIds().stream().mapToInt(Integer::intValue).toArray();
        if (r.stopped() && ids.length > 0) {
            return new Sample(0, k, Arrays.copyOf(ids, ids.length - 1), r.referenceLogprob(), 0.0, true,
                    ids[ids.length - 1]);
        }
        return new Sample(0, k, ids, r.referenceLogprob(), 0.0, false, -1);
    }

    private static double[][] matrix(List<List<Double>> rows) {
        return rows.stream().map(row -> row.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
    }
}
