package dev.sppo.preference.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tiny learned judges for text runs, trained here in seconds: 40 preference pairs that prefer "red" to noise as
 * the answer to "Name a colour, i", and a 16-wide one-layer ranker or reward model learned from them.
 */
public final class ColourJudges {

    private ColourJudges() {}

    /** Writes the pairs, one {@code {prompt, chosen, rejected}} line each, to {@code file}; returns it. */
    public static Path pairs(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("{\"prompt\": \"Name a colour, " + i + "\", \"chosen\": \"red\", \"rejected\": \"q#z" + i
                    + "\"}");
        }
        return Files.write(file, lines);
    }

    /**
     * Trains a judge of {@code kind} ({@code ranker} or {@code reward_model}) on {@code pairs} into {@code out}.
     *
     * @return the judge's checkpoint directory
     */
    public static Path train(String kind, Path pairs, Path out) throws IOException {
        TrainPreferenceRun.run(new TrainPreferenceConfigReader().read(Map.of("kind", kind, "data", pairs.toString(),
                "held_out", 0.2, "model", Map.of("hidden_size", 16, "layers", 1, "heads", 2),
                "training", Map.of("epochs", 2, "batch_size", 16), "out_dir", out.toString())),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return out.resolve(TrainPreferenceRun.MODEL_DIR);
    }
}
