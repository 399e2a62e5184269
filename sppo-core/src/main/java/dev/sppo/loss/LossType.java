package dev.sppo.loss;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The configurable training losses. {@link #SPPO_ALL} trains on every response and so takes a
 * {@link ResponseBatch} ({@link #responseLoss(double)}); the others train on winner/loser pairs
 * and take a {@link PairBatch} ({@link #pairLoss(double)}).
 */
public enum LossType {
    /** {@link SppoLoss}: the official SPPO loss on winners and losers. */
    SPPO("sppo"),
    /** {@link SppoAllLoss}: the SPPO loss on all K responses. */
    SPPO_ALL("sppo_all"),
    /** {@link SppoHardLoss}: TRL's SPPO with targets Phat_w = 1, Phat_l = 0. */
    SPPO_HARD("sppo_hard"),
    /** {@link DpoLoss}: sigmoid DPO. */
    DPO("dpo"),
    /** {@link IpoLoss}: IPO. */
    IPO("ipo");

    private final String id;

    LossType(String id) {
        this.id = id;
    }

    /** The configuration name, for example {@code sppo_hard}. */
    public String id() {
        return id;
    }

    /**
     * Reads a configuration name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the valid names when {@code text} is none of them
     */
    public static LossType parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown loss type '" + text + "'; valid: "
                        + Arrays.stream(values()).map(LossType::id).collect(Collectors.joining(", "))));
    }

    /** Whether this loss trains on all responses ({@link #responseLoss}) rather than on pairs ({@link #pairLoss}). */
    public boolean trainsOnAllResponses() {
        return this == SPPO_ALL;
    }

    /**
     * The pair loss of this type for the given beta.
     *
     * @throws IllegalStateException for {@link #SPPO_ALL}, which is a {@link ResponseLoss}
     */
    public PreferenceLoss pairLoss(double beta) {
        return switch (this) {
            case SPPO -> new SppoLoss(beta);
            case SPPO_HARD -> new SppoHardLoss(beta);
            case DPO -> new DpoLoss(beta);
            case IPO -> new IpoLoss(beta);
            case SPPO_ALL -> throw new IllegalStateException(
                    "Loss type " + id + " trains on all responses; use responseLoss(beta)");
        };
    }

    /**
     * The response loss of this type for the given beta.
     *
     * @throws IllegalStateException for every type but {@link #SPPO_ALL}, which are pair losses
     */
    public ResponseLoss responseLoss(double beta) {
        if (!trainsOnAllResponses()) {
            throw new IllegalStateException("Loss type " + id + " trains on winner/loser pairs; use pairLoss(beta)");
        }
        return new SppoAllLoss(beta);
    }
}
