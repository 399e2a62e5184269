package dev.sppo.loop;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.sppo.evaluation.HeadToHead;
import dev.sppo.evaluation.HeldOutResponses;
import dev.sppo.source.RunPrompt;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code RUN_DIR/samples-iter-N.jsonl}: for the first {@value #PROMPTS} held-out prompts, π_0's and π_N's first
 * responses side by side with the evaluation judge's probability that π_N's is the better one, one JSON object a line:
 *
 * <pre>
 * {"prompt_id": "..", "prompt_text": "..", "base_response": "..", "policy_response": "..", "preference": 0.62}
 * </pre>
 *
 * {@code prompt_text} is what both policies were given (a chat prompt rendered with the model's template);
 * {@code preference} is P(policy_response ≻ base_response) in [0, 1].
 */
public final class SamplesFile {

    /** Held-out prompts per file. */
    static final int PROMPTS = 50;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final Path runDir;

    SamplesFile(Path runDir) {
        this.runDir = runDir;
    }

    /** The file of iteration t. */
    public static String name(int t) {
        return "samples-iter-" + t + ".jsonl";
    }

    /**
     * @param judged the judge's verdicts on {@code current} against {@code base}
     */
    void write(int t, List<RunPrompt> prompts, HeldOutResponses base, HeldOutResponses current, HeadToHead judged)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(runDir.resolve(name(t)), StandardCharsets.UTF_8)) {
            for (int i = 0; i < Math.min(PROMPTS, prompts.size()); i++) {
                JsonObject row = new JsonObject();
                row.addProperty("prompt_id", prompts.get(i).id());
                row.addProperty("prompt_text", prompts.get(i).modelText());
                row.addProperty("base_response", base.texts().get(i).get(0));
                row.addProperty("policy_response", current.texts().get(i).get(0));
                row.addProperty("preference", judged.probability(i, 0));
                out.write(GSON.toJson(row));
                out.write('\n');
            }
        }
    }
}
