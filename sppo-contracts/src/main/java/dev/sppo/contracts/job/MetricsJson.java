package dev.sppo.contracts.job;

import dev.sppo.contracts.MessageCodec;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an iteration's metrics as JSON decoding leaves them (numbers, nested maps for win rates, null for a
 * value that was not finite). Each {@link Metric} must hold its kind of value; anything else is refused naming
 * the member. Keys that are not metrics pass through unread.
 */
final class MetricsJson {

    private static final int SHOWN_CHARACTERS = 60;

    private MetricsJson() {}

    /**
     * An unmodifiable copy of {@code metrics} (empty for null), each metric checked.
     *
     * @throws IllegalArgumentException naming the first member that holds the wrong kind of value
     */
    static Map<String, Object> checked(Map<String, Object> metrics) {
        if (metrics == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(metrics);
        copy.forEach((key, value) -> Metric.byKey(key).ifPresent(metric -> {
            if (metric.isWinRate()) {
                winRate(key, value);
            } else {
                number(key, value);
            }
        }));
        return Collections.unmodifiableMap(copy);
    }

    /** The number under {@code metric}; NaN when it is absent or null. */
    static double number(Map<String, Object> metrics, Metric metric) {
        if (metric.isWinRate()) {
            throw new IllegalArgumentException(metric.key() + " is a win rate, not a number");
        }
        return number(metric.key(), metrics.get(metric.key()));
    }

    /** The win rate under {@code metric}, if recorded. */
    static Optional<WinRateView> winRate(Map<String, Object> metrics, Metric metric) {
        if (!metric.isWinRate()) {
            throw new IllegalArgumentException(metric.key() + " is a number, not a win rate");
        }
        return Optional.ofNullable(winRate(metric.key(), metrics.get(metric.key())));
    }

    private static double number(String name, Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("\"" + name + "\" must be a number, got " + shown(value));
    }

    private static WinRateView winRate(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> members)) {
            throw new IllegalArgumentException("\"" + name + "\" must be an object, got " + shown(value));
        }
        try {
            return new WinRateView(finite(members, "rate"), finite(members, "lower"), finite(members, "upper"),
                    integer(members, "wins"), integer(members, "ties"), integer(members, "losses"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static double finite(Map<?, ?> members, String name) {
        double value = required(members, name);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("\"" + name + "\" must be a finite number, got " + members.get(name));
        }
        return value;
    }

    private static int integer(Map<?, ?> members, String name) {
        double value = required(members, name);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("\"" + name + "\" must be an integer, got " + shown(members.get(name)));
        }
        return (int) value;
    }

    private static double required(Map<?, ?> members, String name) {
        if (members.get(name) == null) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        return number(name, members.get(name));
    }

    /** {@code value} as JSON, cut to {@value #SHOWN_CHARACTERS} characters. */
    private static String shown(Object value) {
        String json = new String(MessageCodec.encode(value), StandardCharsets.UTF_8);
        return json.length() <= SHOWN_CHARACTERS ? json : json.substring(0, SHOWN_CHARACTERS - 3) + "...";
    }
}
