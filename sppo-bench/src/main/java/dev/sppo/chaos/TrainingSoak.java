package dev.sppo.chaos;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.Policy;
import dev.sppo.task.AdditionConfig;
import dev.sppo.task.AdditionTask;
import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.training.OptimizerConfig;
import dev.sppo.training.ResponseExample;
import dev.sppo.training.SftConfig;
import dev.sppo.training.SftTrainer;
import dev.sppo.training.ThreadDataParallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The training soak's worker, run in a JVM of its own ({@link SoakRun}) so that a native crash ends only it:
 * SFT steps of a random LLaMA of about 1.2M parameters, over {@link ThreadDataParallel#MIN_PARAMETERS}, so that
 * each step runs its forward and backward passes on one worker per intra-op thread, as the platform's trainer
 * does. A garbage collection every {@value #GC_EVERY} steps frees what a step should no longer need, which is
 * how the one crash seen in {@code torchBackward} came about. It prints {@value #WORKERS_LINE} with its
 * data-parallel workers and parameters first, then {@value #STEPS_LINE} and the steps done after every chunk of
 * {@value #CHUNK} steps, and stops after the seconds it is given.
 */
public final class TrainingSoak {

    /** What each progress line starts with, followed by the steps done so far. */
    static final String STEPS_LINE = "soak steps ";
    /** What the first line starts with, followed by the data-parallel workers and the model's parameters. */
    static final String WORKERS_LINE = "soak workers ";
    /** Steps between progress lines (one {@link SftTrainer} run each). */
    static final int CHUNK = 50;
    private static final int GC_EVERY = 10;
    private static final int BATCH = 8;
    private static final int HIDDEN = 160;
    private static final int LAYERS = 4;
    private static final int HEADS = 4;
    private static final int PROMPT_TOKENS = 8;
    private static final int RESPONSE_TOKENS = 8;
    /** The first id after the character tokenizer's special tokens (pad, bos, eos, unk). */
    private static final int FIRST_CHARACTER = 4;

    private TrainingSoak() {}

    /** @param args the seconds to run, and the seed */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TrainingSoak SECONDS SEED");
        }
        long deadline = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        long seed = Long.parseLong(args[1]);
        CharTokenizer tokenizer = new CharTokenizer(new AdditionTask(AdditionConfig.defaults()).alphabet());
        Random random = new Random(seed);
        long steps = 0;
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = new Policy(Llama.random(
                LlamaConfig.builder().vocabularyOf(tokenizer).hiddenSize(HIDDEN).numHiddenLayers(LAYERS)
                        .numAttentionHeads(HEADS).build(), manager, seed), tokenizer)) {
            long parameters = policy.model().parameterList().stream().mapToLong(p -> p.getArray().size()).sum();
            System.out.println(WORKERS_LINE + ThreadDataParallel.forModel(parameters).workers() + " " + parameters);
            SftConfig config = new SftConfig(1, BATCH, OptimizerConfig.builder().learningRate(1e-3).build(), seed);
            while (System.nanoTime() < deadline) {
                List<ResponseExample> examples = examples(random, tokenizer.vocabSize());
                new SftTrainer(policy, config).train(epoch -> examples, step -> {
                    if (step.step() % GC_EVERY == 0) {
                        System.gc();
                    }
                });
                steps += CHUNK;
                System.out.println(STEPS_LINE + steps);
            }
        }
    }

    /** {@value #CHUNK} batches of random token sequences (special tokens excluded). */
    private static List<ResponseExample> examples(Random random, int vocabulary) {
        List<ResponseExample> examples = new ArrayList<>(CHUNK * BATCH);
        for (int i = 0; i < CHUNK * BATCH; i++) {
            examples.add(new ResponseExample(tokens(random, PROMPT_TOKENS, vocabulary),
                    tokens(random, RESPONSE_TOKENS, vocabulary)));
        }
        return examples;
    }

    private static int[] tokens(Random random, int n, int vocabulary) {
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = FIRST_CHARACTER + random.nextInt(vocabulary - FIRST_CHARACTER);
        }
        return tokens;
    }
}
