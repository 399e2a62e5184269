package dev.sppo.demo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sppo.evaluation.WinRate;
import dev.sppo.loop.SppoConfigReader;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One reading of {@code GET /api/jobs/{id}} (the trainer-service's {@code JobView}): state, current iteration
 * and phase, and each iteration's progress and metrics (keys of the trainer's {@code IterationMetrics}).
 */
record JobSnapshot(JsonObject view) {

    static final List<String> TERMINAL_STATES = List.of("SUCCEEDED", "FAILED", "CANCELLED");

    String id() {
        return view.get("id").getAsString();
    }

    String state() {
        return view.get("state").getAsString();
    }

    boolean isTerminal() {
        return TERMINAL_STATES.contains(state());
    }

    /** The current iteration t while RUNNING (the last one afterwards); -1 before the first. */
    int iteration() {
        return isNull(view, "iteration") ? -1 : view.get("iteration").getAsInt();
    }

    /** GENERATE, TRAIN or EVALUATE while RUNNING, else empty. */
    Optional<String> phase() {
        return isNull(view, "phase") ? Optional.empty() : Optional.of(view.get("phase").getAsString());
    }

    Optional<String> failureReason() {
        return isNull(view, "failureReason") ? Optional.empty() : Optional.of(view.get("failureReason").getAsString());
    }

    /** T: the submitted {@code iterations}, else the default that {@code ./sppo train} applies. */
    int totalIterations() {
        JsonObject config = view.getAsJsonObject("config");
        return config != null && config.has("iterations") ? config.get("iterations").getAsInt()
                : new SppoConfigReader().defaults().iterations();
    }

    /** Iteration t's record, once the trainer has begun it. */
    Optional<Iteration> iteration(int t) {
        for (JsonElement element : view.getAsJsonArray("iterations")) {
            JsonObject it = element.getAsJsonObject();
            if (it.get("iteration").getAsInt() == t) {
                return Optional.of(new Iteration(it));
            }
        }
        return Optional.empty();
    }

    /** Seconds from submission to the start of iteration 0: resolving (warm-starting) π_0; NaN before. */
    double baseSeconds() {
        return iteration(0).map(it -> Duration.between(Instant.parse(view.get("createdAt").getAsString()),
                it.startedAt()).toMillis() / 1e3).orElse(Double.NaN);
    }

    /** The URI of checkpoint v{@code version}, if recorded. */
    Optional<String> checkpointUri(int version) {
        for (JsonElement element : view.getAsJsonArray("checkpoints")) {
            JsonObject checkpoint = element.getAsJsonObject();
            if (checkpoint.get("policyVersion").getAsInt() == version) {
                return Optional.of(checkpoint.get("uri").getAsString());
            }
        }
        return Optional.empty();
    }

    private static boolean isNull(JsonObject object, String key) {
        return !object.has(key) || object.get(key).isJsonNull();
    }

    private static double number(JsonObject object, String key) {
        return isNull(object, key) ? Double.NaN : object.get(key).getAsDouble();
    }

    /** One iteration's record: generate progress and the metrics recorded so far. */
    record Iteration(JsonObject view) {

        int expectedPrompts() {
            return view.get("expectedPrompts").getAsInt();
        }

        int receivedPrompts() {
            return view.get("receivedPrompts").getAsInt();
        }

        Instant startedAt() {
            return Instant.parse(view.get("startedAt").getAsString());
        }

        /** A numeric metric, NaN when not (yet) recorded. */
        double metric(String key) {
            return number(metrics(), key);
        }

        /** A win-rate metric ({@code rate, lower, upper, wins, ties, losses}), if recorded. */
        Optional<WinRate> winRate(String key) {
            JsonObject metrics = metrics();
            if (isNull(metrics, key)) {
                return Optional.empty();
            }
            JsonObject w = metrics.getAsJsonObject(key);
            return Optional.of(new WinRate(number(w, "rate"), number(w, "lower"), number(w, "upper"),
                    w.get("wins").getAsInt(), w.get("ties").getAsInt(), w.get("losses").getAsInt()));
        }

        private JsonObject metrics() {
            return isNull(view, "metrics") ? new JsonObject() : view.getAsJsonObject("metrics");
        }
    }
}
