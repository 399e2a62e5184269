package dev.sppo.task;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Test helper: every corruption a task draws for one prompt in 500 seeded tries. */
final class DistinctCorruptions {

    private DistinctCorruptions() {
    }

    static Set<String> of(Task task, Prompt prompt) {
        Random rng = new Random(3);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(task.corruption(prompt, rng));
        }
        return seen;
    }
}
