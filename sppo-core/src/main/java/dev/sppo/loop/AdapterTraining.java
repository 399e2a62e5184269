package dev.sppo.loop;

import dev.sppo.model.LoraConfig;

/**
 * SPPO through a LoRA adapter ({@code lora:}): each iteration trains only the adapter's A and B on the frozen base,
 * the reference still being π_t (log-probs recorded when π_t sampled).
 *
 * @param lora rank, alpha, dropout and targets
 * @param perIteration what iteration t+1 starts from
 */
public record AdapterTraining(LoraConfig lora, PerIteration perIteration) {

    /** What each iteration's adapter starts from. */
    public enum PerIteration {
        /**
         * The same adapter goes on training; every checkpoint is an adapter on the one base, megabytes each, and a
         * generator swaps only the adapter.
         */
        CONTINUE,
        /**
         * The adapter is merged into the base (W ← W + s·B A, rounded to the base's dtype) and a new one starts at
         * B = 0; every checkpoint is a merged model directory.
         */
        FRESH
    }
}
