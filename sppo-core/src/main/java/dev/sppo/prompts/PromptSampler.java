package dev.sppo.prompts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The training prompts of each SPPO iteration ({@code prompts_per_iteration}): the train split without repeats
 * until it is exhausted, then reshuffled.
 *
 * <p>Exactly: the train prompts are sorted by id. Epoch e = 0, 1, 2, ... visits them in the order
 * {@code Collections.shuffle(sorted, new Random((seed + e) * 0x9E3779B97F4A7C15L))} leaves (a backward Fisher-Yates
 * pass, as its Javadoc specifies). Iteration t takes the next {@code perIteration} prompts of the epochs laid end
 * to end; when an epoch runs out inside a batch, the batch goes on in the next epoch's order, passing over any
 * prompt it already holds, which stays first in line for the next batch. So every epoch serves each prompt once,
 * no batch holds a prompt twice, and batch t depends only on the set of train ids, {@code perIteration},
 * {@code seed} and t (not on the file's order).
 */
public final class PromptSampler {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final List<PromptRecord> sorted;
    private final int perIteration;
    private final long seed;

    /**
     * @throws IllegalArgumentException naming {@code prompts_per_iteration} when it is below 1 or above the number
     *     of train prompts
     */
    public PromptSampler(List<PromptRecord> train, int perIteration, long seed) {
        if (perIteration < 1 || perIteration > train.size()) {
            throw new IllegalArgumentException("prompts_per_iteration: must be in [1, " + train.size()
                    + "] (the train prompts), got " + perIteration);
        }
        List<PromptRecord> byId = new ArrayList<>(train);
        byId.sort(Comparator.comparing(PromptRecord::id));
        this.sorted = List.copyOf(byId);
        this.perIteration = perIteration;
        this.seed = seed;
    }

    /** Iteration {@code iteration}'s batch (0-based), replayed from the first so that it is a pure function. */
    public List<PromptRecord> batch(int iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        Draw draw = new Draw();
        List<PromptRecord> batch = List.of();
        for (int t = 0; t <= iteration; t++) {
            batch = draw.next();
        }
        return batch;
    }

    /** The epochs laid end to end, drawn from batch by batch. */
    private final class Draw {

        private final Deque<PromptRecord> line = new ArrayDeque<>();
        private long epoch;

        List<PromptRecord> next() {
            List<PromptRecord> batch = new ArrayList<>(perIteration);
            Set<String> taken = new HashSet<>();
            Deque<PromptRecord> passedOver = new ArrayDeque<>();
            while (batch.size() < perIteration) {
                if (line.isEmpty()) {
                    line.addAll(epochOrder(epoch++));
                }
                PromptRecord prompt = line.poll();
                if (taken.add(prompt.id())) {
                    batch.add(prompt);
                } else {
                    passedOver.add(prompt);
                }
            }
            while (!passedOver.isEmpty()) {
                line.addFirst(passedOver.pollLast());
            }
            return List.copyOf(batch);
        }
    }

    private List<PromptRecord> epochOrder(long epoch) {
        List<PromptRecord> order = new ArrayList<>(sorted);
        Collections.shuffle(order, new Random((seed + epoch) * GOLDEN_GAMMA));
        return order;
    }
}
