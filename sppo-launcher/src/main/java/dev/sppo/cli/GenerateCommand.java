package dev.sppo.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.sppo.chat.ChatMessage;
import dev.sppo.model.Policy;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.tokenizer.GenerationConfig;
import dev.sppo.tokenizer.TextTokenizer;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo generate}: samples responses to one prompt, given as text, as token ids, or as a conversation that the
 * model's chat template renders (with the generation prompt; the {@code --json} lines then carry that text as
 * {@code prompt_text}). A response ends at any of the model's stop ids (its EOS and {@code generation_config.json}'s
 * {@code eos_token_id}s, such as a chat model's end-of-turn token).
 *
 * <p>Sampling settings: a flag, else the model's {@code generation_config.json} ({@code "do_sample": false} means
 * temperature 0; {@code temperature}, {@code top_k}, {@code top_p}), else temperature 1, top-k 0 and top-p 1.
 *
 * <p>Each sample reports {@code logprob} = Σ_t log π(y_t | x, y_{&lt;t}) over its generated tokens y (the stop
 * token excluded) under the untempered model, whatever the temperature, top-k and top-p it was drawn with.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Sample responses to a prompt from a model directory.")
final class GenerateCommand implements Callable<Integer> {

    private static final double DEFAULT_TEMPERATURE = 1.0;
    private static final int DEFAULT_TOP_K = 0;
    private static final double DEFAULT_TOP_P = 1.0;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private PromptOption prompt;

    @Option(names = "--max-new-tokens", defaultValue = "64", paramLabel = "N",
            description = "Most tokens generated per sample (default: ${DEFAULT-VALUE}).")
    private int maxNewTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "Softmax temperature; 0 decodes greedily "
            + "(default: the model's generation_config.json, else " + DEFAULT_TEMPERATURE + ").")
    private Double temperature;

    @Option(names = "--top-k", paramLabel = "K", description = "Keep only the K most likely tokens; 0 keeps all "
            + "(default: the model's generation_config.json, else " + DEFAULT_TOP_K + ").")
    private Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling mass in (0, 1]; 1 keeps all "
            + "(default: the model's generation_config.json, else " + DEFAULT_TOP_P + ").")
    private Double topP;

    @Option(names = "--num-samples", defaultValue = "1", paramLabel = "K",
            description = "Samples to draw (default: ${DEFAULT-VALUE}).")
    private int numSamples;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Random seed; the same seed reproduces the samples (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print one JSON object per sample per line: {\"token_ids\":[..],"
            + "\"text\":..,\"logprob\":..}, with \"prompt_text\" first for --messages.")
    private boolean json;

    /**
     * The sampling settings of the flags and the model's {@code generation_config.json}; validated before the model
     * is loaded.
     */
    SamplingParams samplingParams() {
        GenerationConfig defaults = GenerationConfig.readIfPresent(model.dir);
        return new SamplingParams(maxNewTokens,
                temperature != null ? temperature : defaults.temperatureOr(DEFAULT_TEMPERATURE),
                topK != null ? topK : defaults.topKOr(DEFAULT_TOP_K),
                topP != null ? topP : defaults.topPOr(DEFAULT_TOP_P),
                numSamples, seed);
    }

    @Override
    public Integer call() throws Exception {
        SamplingParams params = samplingParams();
        Optional<List<ChatMessage>> conversation = prompt.conversation();
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = model.load(manager)) {
            PromptOption.Prompt input =
                    prompt.resolve(conversation, policy.tokenizer(), policy.config().vocabSize(), model.dir);
            checkFitsContext(input.ids().length, policy.config().maxPositionEmbeddings());
            List<Sample> samples = new Sampler(policy.model(), policy.stopIds(), policy.padId())
                    .sample(List.of(input.ids()), params);
            PrintWriter out = spec.commandLine().getOut();
            for (Sample sample : samples) {
                if (json) {
                    out.println(jsonLine(input.renderedText(), sample, policy.tokenizer()));
                } else {
                    out.println(header(sample, samples.size()));
                    out.println(text(sample, policy.tokenizer()));
                }
            }
            out.flush();
        }
        return 0;
    }

    private static String jsonLine(Optional<String> promptText, Sample sample, TextTokenizer tokenizer) {
        JsonObject line = new JsonObject();
        promptText.ifPresent(text -> line.addProperty("prompt_text", text));
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
