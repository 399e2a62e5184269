package dev.sppo.task;

import dev.sppo.game.ClassGame;
import dev.sppo.game.GamePreferenceModel;
import dev.sppo.preference.PreferenceModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An intransitive task: prompt {@code "play 4711="}, and the response is one of the answer words of a
 * {@link ClassGame}, whose class-level preference matrix (cyclic, with dominated answers) is the task's gold
 * preference. The number in the prompt only makes prompts distinct; the game is the same for every prompt.
 *
 * <p>A prompt draws its number uniformly in 0..99999. The gold answer is the answer that the Nash mixture x* plays
 * most. The score of a response of class c is its win rate against the Nash mixture, doubled and capped:
 * <pre>  score = min(1, 2 · (P x*)_c)</pre>
 * so every answer in the Nash support scores 1, a dominated answer less, and any other response 0.
 *
 * <p>Corruptions are the answers outside the Nash support, drawn uniformly. A demonstration is a corruption with
 * the given rate, otherwise an answer of the support drawn from {@code supportMix}: a skewed mix, so that the warm
 * start π_0 lies far (in total variation) from the Nash mixture and there is something to learn.
 */
public final class ClassGameTask extends GeneratedTask {

    private static final int NUMBERS = 100_000;

    private final ClassGame game;
    private final double[] nash;
    private final double[] supportMix;
    private final List<String> dominated = new ArrayList<>();
    private final String gold;

    /**
     * @param supportMix a weight per answer of the game for uncorrupted demonstrations, positive only on answers
     *     of the Nash support
     */
    public ClassGameTask(String name, ClassGame game, List<Double> supportMix, long seed) {
        super(name, seed, Pattern.compile("play (\\d{1,5})="), "play 4711=");
        this.game = game;
        this.nash = game.nash();
        List<String> answers = game.answers();
        if (supportMix.size() != answers.size()) {
            throw new IllegalArgumentException("supportMix needs one weight per answer " + answers);
        }
        this.supportMix = supportMix.stream().mapToDouble(Double::doubleValue).toArray();
        int best = 0;
        for (int i = 0; i < answers.size(); i++) {
            best = nash[i] > nash[best] ? i : best;
            if (nash[i] == 0) {
                dominated.add(answers.get(i));
            }
            if (this.supportMix[i] < 0 || (this.supportMix[i] > 0 && nash[i] == 0)) {
                throw new IllegalArgumentException("supportMix must be >= 0, and 0 outside the Nash support; got "
                        + this.supportMix[i] + " for " + answers.get(i));
            }
        }
        if (dominated.isEmpty()) {
            throw new IllegalArgumentException("the game needs an answer outside the Nash support to corrupt with");
        }
        this.gold = answers.get(best);
    }

    @Override
    public String alphabet() {
        StringBuilder chars = new StringBuilder(" 0123456789=alpy");
        game.answers().forEach(chars::append);
        return chars.chars().distinct().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Override
    public double score(Prompt prompt, String response) {
        return Math.min(1, 2 * game.against(nash)[game.classOf(response)]);
    }

    @Override
    public String corruption(Prompt prompt, Random rng) {
        return dominated.get(rng.nextInt(dominated.size()));
    }

    @Override
    public String demonstration(Prompt prompt, Random rng, double corruptionRate) {
        if (!(corruptionRate >= 0 && corruptionRate <= 1)) {
            throw new IllegalArgumentException("corruptionRate must be in [0, 1], got " + corruptionRate);
        }
        if (rng.nextDouble() < corruptionRate) {
            return corruption(prompt, rng);
        }
        return game.answers().get(drawSupport(rng.nextDouble()));
    }

    /** The answer at {@code u} in [0, 1) of the cumulative {@code supportMix}, normalised. */
    private int drawSupport(double u) {
        double total = 0;
        for (double w : supportMix) {
            total += w;
        }
        double left = u * total;
        int last = 0;
        for (int i = 0; i < supportMix.length; i++) {
            if (supportMix[i] > 0) {
                last = i;
                left -= supportMix[i];
                if (left < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** The class game itself: its matrix is the gold preference and the yardstick of exploitability. */
    @Override
    public Optional<ClassGame> game() {
        return Optional.of(game);
    }

    /** The game's class matrix; {@code tau} does not apply, since the matrix holds the probabilities themselves. */
    @Override
    public PreferenceModel goldPreference(double tau) {
        return new GamePreferenceModel(game);
    }

    @Override
    Prompt fromMatch(Matcher match) {
        return Prompt.of(name(), match.group(0), gold);
    }

    @Override
    Prompt draw(Random rng) {
        return Prompt.of(name(), "play " + rng.nextInt(NUMBERS) + "=", gold);
    }
}
