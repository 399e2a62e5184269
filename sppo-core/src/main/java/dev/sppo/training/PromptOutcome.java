package dev.sppo.training;

import dev.sppo.preference.PreferenceResult;
import dev.sppo.preference.Selection;
import dev.sppo.sampling.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * One prompt's K sampled responses and their preference result: the unit the iteration collects.
 *
 * @param promptId the prompt's id, unique within the iteration
 * @param promptIds its token ids
 * @param samples the K responses, with the reference log-probs recorded while sampling
 * @param preference the K×K matrix, P̂ and the aggregate scores
 */
public record PromptOutcome(String promptId, int[] promptIds, List<Sample> samples, PreferenceResult preference) {

    /** Mean P̂ of each prompt's selected winner (or loser). */
    public static double meanWinRate(List<PromptOutcome> outcomes, boolean winner) {
        return outcomes.stream().mapToDouble(o -> o.preference().winRates()[winner ? o.preference().winner()
                : o.preference().loser()]).average().orElse(Double.NaN);
    }

    /**
     * The training rows for this prompt: (winner, loser) for pair losses, nothing when every response is
     * equally preferred (no signal), or all K responses for {@link Selection#ALL}.
     */
    public List<ScoredResponse> rows(Selection selection) {
        double[] winRates = preference.winRates();
        List<ScoredResponse> rows = new ArrayList<>();
        if (selection == Selection.WINNER_LOSER && !preference.selected().isInformative()) {
            return rows;
        }
        for (int index : selection.select(preference.scores())) {
            Sample s = samples.get(index);
            rows.add(new ScoredResponse(promptIds, s.responseWithStop(), s.sequenceLogprob(), winRates[index]));
        }
        return rows;
    }
}
