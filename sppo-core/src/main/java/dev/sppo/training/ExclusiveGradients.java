package dev.sppo.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Gradient collectors, one open at a time in this JVM. DJL's PyTorch engine allows a single open collector per
 * process ({@code PtGradientCollector} keeps a static flag and throws "already collecting" for a second), so two
 * trainings in one JVM (a job's warm start and a preference model in the trainer-service, or any two in the
 * one-JVM platform) would fail each other. Here the second waits for the first's step to end: the lock is fair,
 * so concurrent trainings take turns step by step.
 */
final class ExclusiveGradients {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private ExclusiveGradients() {}

    /** A new collector, once no other is open; closing it lets the next one open. */
    static GradientCollector open() {
        LOCK.lock();
        try {
            return new Held(Engine.getInstance().newGradientCollector());
        } catch (RuntimeException e) {
            LOCK.unlock();
            throw e;
        }
    }

    private record Held(GradientCollector collector) implements GradientCollector {

        @Override
        public void backward(NDArray target) {
            collector.backward(target);
        }

        @Override
        public void zeroGradients() {
            collector.zeroGradients();
        }

        @Override
        public void close() {
            try {
                collector.close();
            } finally {
                LOCK.unlock();
            }
        }
    }
}
