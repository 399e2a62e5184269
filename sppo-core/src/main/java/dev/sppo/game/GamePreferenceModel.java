package dev.sppo.game;

import dev.sppo.preference.PreferenceMatrix;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;

import java.util.List;
import java.util.Objects;

/**
 * A {@link ClassGame}'s preference as a preference model: {@code P[i][j] = p[c(y_i)][c(y_j)]} for the classes c of
 * the responses, whatever the prompt; the scores that pick winner and loser are the win rates
 * {@code P̂_i = (1/K) Σ_j P[i][j]}, since no score reproduces a cyclic preference.
 */
public final class GamePreferenceModel implements PreferenceModel {

    private final ClassGame game;

    public GamePreferenceModel(ClassGame game) {
        this.game = Objects.requireNonNull(game, "game");
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        PreferenceModel.requireComparable(responses);
        int[] classes = responses.stream().mapToInt(game::classOf).toArray();
        double[][] p = new double[classes.length][classes.length];
        for (int i = 0; i < classes.length; i++) {
            for (int j = 0; j < classes.length; j++) {
                p[i][j] = game.p(classes[i], classes[j]);
            }
        }
        PreferenceMatrix matrix = new PreferenceMatrix(p);
        return new PreferenceResult(matrix, matrix.winRates());
    }
}
