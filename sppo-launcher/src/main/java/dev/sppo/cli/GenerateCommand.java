package dev.sppo.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.sppo.model.Policy;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo generate}: samples responses to one prompt.
 *
 * <p>Each sample reports {@code logprob} = Σ_t log π(y_t | x, y_{&lt;t}) over its generated tokens y (the stop
 * token excluded) under the untempered model, whatever the temperature, top-k and top-p it was drawn with.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Sample responses to a prompt from a model directory.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private PromptOption prompt;

    @Option(names = "--max-new-tokens", defaultValue = "64", paramLabel = "N",
            description = "Most tokens generated per sample (default: ${DEFAULT-VALUE}).")
    private int maxNewTokens;

    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "T",
            description = "Softmax temperature; 0 decodes greedily (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K",
            description = "Keep only the K most likely tokens; 0 keeps all (default: ${DEFAULT-VALUE}).")
    private int topK;

    @Option(names = "--top-p", defaultValue = "1.0", paramLabel = "P",
            description = "Nucleus sampling mass in (0, 1]; 1 keeps all (default: ${DEFAULT-VALUE}).")
    private double topP;

    @Option(names = "--num-samples", defaultValue = "1", paramLabel = "K",
            description = "Samples to draw (default: ${DEFAULT-VALUE}).")
    private int numSamples;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Random seed; the same seed reproduces the samples (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json",
            description = "Print one JSON object per sample per line: {\"token_ids\":[..],\"text\":..,\"logprob\":..}.")
    private boolean json;

    /** The sampling settings the flags give; validated before the model is loaded. */
    SamplingParams samplingParams() {
        return new SamplingParams(maxNewTokens, temperature, topK, topP, numSamples, seed);
    }

    @Override
    public Integer call() throws Exception {
        SamplingParams params = samplingParams();
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = model.load(manager)) {
            int[] promptIds = prompt.ids(policy.tokenizer(), policy.config().vocabSize());
            checkFitsContext(promptIds.length, policy.config().maxPositionEmbeddings());
            List<Sample> samples = new Sampler(policy.model(), policy.stopIds(), policy.padId())
                    .sample(List.of(promptIds), params);
            PrintWriter out = spec.commandLine().getOut();
            for (Sample sample : samples) {
                if (json) {
                    out.println(jsonLine(sample, policy.tokenizer()));
                } else {
                    out.println(header(sample, samples.size()));
                    out.println(text(sample, policy.tokenizer()));
                }
            }
            out.flush();
        }
        return 0;
    }

    private static String jsonLine(Sample sample, TextTokenizer tokenizer) {
        JsonObject line = new JsonObject();
        line.add("token_ids", JsonOutput.ids(sample.tokenIds()));
        line.addProperty("text", text(sample, tokenizer));
        line.addProperty("logprob", sample.logprob());
        return JsonOutput.line(line);
    }

    /** The last new token is never fed back, so positions 0 .. prompt + max_new_tokens - 2 are needed. */
    private void checkFitsContext(int promptLength, int maxPositions) {
        if (promptLength + maxNewTokens - 1 > maxPositions) {
            throw new IllegalArgumentException("--max-new-tokens " + maxNewTokens + ": the prompt's " + promptLength
                    + " tokens and " + maxNewTokens + " new ones exceed max_position_embeddings " + maxPositions);
        }
    }

    /**
     * The decoded response. A model's vocab_size may exceed its tokenizer's (padded embeddings); ids the tokenizer
     * lacks are skipped, as special tokens are.
     */
    private static String text(Sample sample, TextTokenizer tokenizer) {
        return tokenizer.decode(IntStream.of(sample.tokenIds()).filter(id -> id < tokenizer.vocabSize()).toArray());
    }

    private static String header(Sample sample, int count) {
        return String.format(Locale.ROOT, "=== sample %d/%d: %d tokens, logprob %.4f, %s ===",
                sample.sampleIndex() + 1, count, sample.tokenIds().length, sample.logprob(),
                sample.stoppedAtEos() ? "stopped at EOS" : "stopped at --max-new-tokens");
    }
}
