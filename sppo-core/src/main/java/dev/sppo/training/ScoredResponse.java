package dev.sppo.training;

/**
 * A response prepared for preference training.
 *
 * @param prompt prompt token ids
 * @param response response token ids, the stop token included when it was emitted
 * @param reference log π_ref(response | prompt), the frozen reference log-prob
 * @param winRate P̂(response ≻ π_ref | prompt), its estimated win rate
 */
public record ScoredResponse(int[] prompt, int[] response, double reference, double winRate) {

    public ScoredResponse {
        prompt = prompt.clone();
        response = response.clone();
        if (!Double.isFinite(reference)) {
            throw new IllegalArgumentException("reference log-prob must be finite, got " + reference);
        }
        if (!(winRate >= 0 && winRate <= 1)) {
            throw new IllegalArgumentException("win rate must be in [0, 1], got " + winRate);
        }
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public int[] response() {
        return response.clone();
    }
}
