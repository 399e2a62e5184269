package dev.sppo.study;

import dev.sppo.game.GameScores;
import dev.sppo.game.GameStanding;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The per-iteration measurements a study reports, each read from a {@link RunPoint}. The game metrics
 * ({@link #isGame()}) exist for tasks of answer classes only ({@link GameStanding}: exploitability, distance to the
 * Nash mixture, win rate vs π_0 under the class matrix), for the last iterate π_t and the averaged iterate π̄_t;
 * elsewhere, and for π̄_0, they are NaN.
 */
public enum Metric {
    WIN_RATE("gold win rate vs π_0", "win_rate", 3, RunPoint::winRate),
    TASK_SCORE("task score", "task_score", 3, RunPoint::taskScore),
    EXACT_MATCH("exact match", "exact_match", 3, RunPoint::exactMatch),
    KL_TO_BASE("KL(π_t ‖ π_0) (nats)", "kl_to_base", 3, RunPoint::klToBase),
    RESPONSE_LENGTH("mean response length (chars)", "response_length", 2, RunPoint::responseLength),
    EXPLOITABILITY("best-response win rate vs π_t", "exploitability", 3,
            last(GameStanding::bestResponseWinRate)),
    AVERAGED_EXPLOITABILITY("best-response win rate vs π̄_t", "averaged_exploitability", 3,
            averaged(GameStanding::bestResponseWinRate)),
    DISTANCE_TO_NASH("TV distance of π_t to Nash", "distance_to_nash", 3, last(GameStanding::distanceToNash)),
    AVERAGED_DISTANCE_TO_NASH("TV distance of π̄_t to Nash", "averaged_distance_to_nash", 3,
            averaged(GameStanding::distanceToNash)),
    GAME_WIN_RATE("win rate of π_t vs π_0 (class matrix)", "game_win_rate", 3,
            last(GameStanding::winRateVsBase)),
    AVERAGED_GAME_WIN_RATE("win rate of π̄_t vs π_0 (class matrix)", "averaged_game_win_rate", 3,
            averaged(GameStanding::winRateVsBase));

    private final String label;
    private final String id;
    private final int decimals;
    private final ToDoubleFunction<RunPoint> value;

    Metric(String label, String id, int decimals, ToDoubleFunction<RunPoint> value) {
        this.label = label;
        this.id = id;
        this.decimals = decimals;
        this.value = value;
    }

    /** The metrics every task has. */
    public static List<Metric> general() {
        return Arrays.stream(values()).filter(m -> !m.isGame()).toList();
    }

    /** The metrics of a task of answer classes. */
    public static List<Metric> game() {
        return Arrays.stream(values()).filter(Metric::isGame).toList();
    }

    public boolean isGame() {
        return ordinal() >= EXPLOITABILITY.ordinal();
    }

    public String label() {
        return label;
    }

    /** A file-name-safe identifier. */
    public String id() {
        return id;
    }

    /** Digits shown in tables. */
    public int decimals() {
        return decimals;
    }

    public double of(RunPoint point) {
        return value.applyAsDouble(point);
    }

    private static ToDoubleFunction<RunPoint> last(ToDoubleFunction<GameStanding> part) {
        return standing(GameScores::last, part);
    }

    private static ToDoubleFunction<RunPoint> averaged(ToDoubleFunction<GameStanding> part) {
        return standing(GameScores::averaged, part);
    }

    private static ToDoubleFunction<RunPoint> standing(Function<GameScores, GameStanding> which,
            ToDoubleFunction<GameStanding> part) {
        return point -> {
            GameStanding standing = point.game() == null ? null : which.apply(point.game());
            return standing == null ? Double.NaN : part.applyAsDouble(standing);
        };
    }
}
