package dev.sppo.study;

import java.util.function.ToDoubleFunction;

/** The per-iteration measurements a study reports, each read from a {@link RunPoint}. */
public enum Metric {
    WIN_RATE("gold win rate vs π_0", "win_rate", 3, RunPoint::winRate),
    TASK_SCORE("task score", "task_score", 3, RunPoint::taskScore),
    EXACT_MATCH("exact match", "exact_match", 3, RunPoint::exactMatch),
    KL_TO_BASE("KL(π_t ‖ π_0) (nats)", "kl_to_base", 3, RunPoint::klToBase),
    RESPONSE_LENGTH("mean response length (chars)", "response_length", 2, RunPoint::responseLength);

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
}
