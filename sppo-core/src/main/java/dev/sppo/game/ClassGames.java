package dev.sppo.game;

import java.util.List;

/**
 * The two built-in intransitive games. Both have a Nash mixture on three answers with unequal shares and two
 * dominated answers that every good policy should drop.
 */
public final class ClassGames {

    private ClassGames() {}

    /**
     * Rock-paper-scissors with unequal strengths, plus two dominated answers. stone beats blade with P = 0.9,
     * blade beats paper with 0.7, paper beats stone with 0.6; mud loses to each of them (0.4, 0.3, 0.2) and twig to
     * each of them and to mud. For a cycle with margins a (stone ≻ blade), b (blade ≻ paper), c (paper ≻ stone)
     * above 1/2, the Nash mixture solves {@code (P x)_i = 1/2} on the cycle: x ∝ (b, a, c) for (stone, paper,
     * blade), here (0.2, 0.4, 0.1)/0.7 = (2/7, 4/7, 1/7). Against it mud wins 0.314 and twig 0.214.
     */
    public static ClassGame cycle() {
        double[][] p = {
            // stone paper blade mud  twig other
            {0.5, 0.4, 0.9, 0.6, 0.7, 1.0},
            {0.6, 0.5, 0.3, 0.7, 0.8, 1.0},
            {0.1, 0.7, 0.5, 0.8, 0.9, 1.0},
            {0.4, 0.3, 0.2, 0.5, 0.6, 1.0},
            {0.3, 0.2, 0.1, 0.4, 0.5, 1.0},
            {0.0, 0.0, 0.0, 0.0, 0.0, 0.5},
        };
        return new ClassGame(List.of("stone", "paper", "blade", "mud", "twig"), p);
    }

    /**
     * A panel of three judges that score speed, wisdom and strength (τ = 1): fox (3, 1.5, 0.5), owl (1, 3, 2),
     * elk (2, 0.5, 3.5), ant (0.5, 1, 0), bee (0, 0.5, 1). Each judge is transitive, but the majority cycles
     * owl ≻ fox ≻ elk ≻ owl (P = 0.704, 0.553, 0.624), and ant and bee lose to all three on every feature.
     * The Nash mixture is about (0.326, 0.139, 0.535) on (fox, owl, elk).
     */
    public static JudgePanel panel() {
        return new JudgePanel(List.of(
                new JudgePanel.Answer("fox", List.of(3.0, 1.5, 0.5)),
                new JudgePanel.Answer("owl", List.of(1.0, 3.0, 2.0)),
                new JudgePanel.Answer("elk", List.of(2.0, 0.5, 3.5)),
                new JudgePanel.Answer("ant", List.of(0.5, 1.0, 0.0)),
                new JudgePanel.Answer("bee", List.of(0.0, 0.5, 1.0))), 1.0);
    }
}
