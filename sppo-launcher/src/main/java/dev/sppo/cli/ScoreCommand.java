package dev.sppo.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.sppo.model.Policy;
import dev.sppo.scoring.SequenceScorer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo score}: teacher-forced log-probs of responses given prompts,
 * {@code logprob} = log π(y|x) = Σ_{t=1..|y|} log π(y_t | x, y_{&lt;t}), and {@code tokens} = |y|.
 *
 * <p>Every input line is validated before any is scored, so a malformed line prints nothing but its error.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score prompt/response pairs from a JSONL file: one {\"logprob\":..,\"tokens\":..} per line.")
final class ScoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "JSONL: {\"prompt\":..,\"response\":..} (text), {\"messages\":[..],\"response\":..} (a chat, "
                    + "rendered with the model's template) or {\"prompt_ids\":[..],\"response_ids\":[..]}.")
    private Path input;

    @Option(names = "--batch-size", defaultValue = "8", paramLabel = "N",
            description = "Pairs scored per forward pass (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("--input " + input + ": no such file");
        }
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = model.load(manager)) {
            List<ScoreInput.Pair> pairs =
                    ScoreInput.read(input, policy.tokenizer(), policy.config().vocabSize(), model.dir);
            List<int[]> prompts = pairs.stream().map(ScoreInput.Pair::prompt).toList();
            List<int[]> responses = pairs.stream().map(ScoreInput.Pair::response).toList();
            double[] logprobs = new SequenceScorer(policy.model(), policy.padId()).score(prompts, responses, batchSize);
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < logprobs.length; i++) {
                JsonObject line = new JsonObject();
                line.addProperty("logprob", logprobs[i]);
                line.addProperty("tokens", responses.get(i).length);
                out.println(JsonOutput.line(line));
            }
            out.flush();
        }
        return 0;
    }
}
