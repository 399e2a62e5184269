package dev.sppo.prompts;

import static dev.sppo.prompts.PromptFilesFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

class PromptDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void theHashSplitHoldsOutTheIdsBelowTheFraction() throws IOException {
        Path file = write(dir, "p.jsonl", jsonl(lines(400)));
        PromptDataset dataset = load(config(file, new EvalSplit.HashFraction(0.25)));

        assertThat(dataset.train().size() + dataset.eval().size()).isEqualTo(400);
        assertThat(dataset.eval()).allSatisfy(p -> assertThat(PromptIds.unitInterval(p.id())).isLessThan(0.25));
        assertThat(dataset.train())
                .allSatisfy(p -> assertThat(PromptIds.unitInterval(p.id())).isGreaterThanOrEqualTo(0.25));
        assertThat(dataset.eval().size()).isBetween(70, 130);
        assertThat(dataset.train()).extracting(PromptRecord::id).isSorted();
    }

    @Test
    void theSplitIsTheSameWhenLinesAreReorderedOrAdded() throws IOException {
        List<String> lines = lines(200);
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(3));
        List<String> more = new ArrayList<>(shuffled);
        more.addAll(lines(230).subList(200, 230));

        EvalSplit split = new EvalSplit.HashFraction(0.3);
        PromptDataset original = load(config(write(dir, "a.jsonl", jsonl(lines)), split));
        PromptDataset reordered = load(config(write(dir, "b.jsonl", jsonl(shuffled)), split));
        PromptDataset extended = load(config(write(dir, "c.jsonl", jsonl(more)), split));

        assertThat(ids(reordered.eval())).containsExactlyInAnyOrderElementsOf(ids(original.eval()));
        assertThat(ids(reordered.train())).containsExactlyInAnyOrderElementsOf(ids(original.train()));
        assertThat(ids(extended.eval())).containsAll(ids(original.eval()));
        assertThat(ids(extended.train())).containsAll(ids(original.train()));
    }

    @Test
    void aSeparateEvalFileHoldsOutExactlyItsPromptsAndMayNotRepeatATrainId() throws IOException {
        Path train = write(dir, "train.jsonl", jsonl(lines(5)));
        Path eval = write(dir, "eval.csv", "id,prompt\ne1,held out one\ne2,held out two\n");
        PromptDataset dataset = load(config(train, new EvalSplit.SeparateFile(eval, null)));

        assertThat(ids(dataset.train())).containsExactly("p000", "p001", "p002", "p003", "p004");
        assertThat(ids(dataset.eval())).containsExactly("e1", "e2");

        Path leaky = write(dir, "leaky.jsonl",
                "{\"id\": \"e1\", \"prompt\": \"x\"}\n{\"id\": \"p003\", \"prompt\": \"y\"}\n");
        assertThatThrownBy(() -> load(config(train, new EvalSplit.SeparateFile(leaky, null))))
                .isInstanceOf(PromptFileException.class)
                .hasMessage(leaky + ":2: field 'id': duplicate id 'p003' (first at " + train + ":4)");
    }

    @Test
    void skippedLinesOfBothFilesAreCounted() throws IOException {
        Path train = write(dir, "train.jsonl", "{\"prompt\": \"a\"}\nbroken\n{\"prompt\": \"b\"}\n");
        Path eval = write(dir, "eval.jsonl", "{\"prompt\": \"c\"}\n{\"prompt\": \"\"}\n");
        PromptSourceConfig config = new PromptSourceConfig(train, null, PromptFields.DEFAULT,
                new EvalSplit.SeparateFile(eval, null), BadLinePolicy.SKIP, PromptLengthLimit.DEFAULT);

        PromptDataset dataset = load(config);

        assertThat(dataset.train()).hasSize(2);
        assertThat(dataset.eval()).hasSize(1);
        assertThat(dataset.skipped()).extracting(LineProblem::message).containsExactly(
                train + ":2: not valid JSON (malformed JSON at column 1 path $)",
                eval + ":2: field 'prompt': empty prompt");
    }

    @Test
    void noPromptLeftToTrainOnNamesEvalFraction() throws IOException {
        String heldOutId = IntStream.range(0, 100).mapToObj(i -> "x" + i)
                .filter(id -> PromptIds.unitInterval(id) < 0.5).findFirst().orElseThrow();
        Path file = write(dir, "one.jsonl", "{\"id\": \"" + heldOutId + "\", \"prompt\": \"a\"}\n");

        assertThatThrownBy(() -> load(config(file, new EvalSplit.HashFraction(0.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("eval_fraction: all 1 prompts of " + file + " fell in the eval split");
    }

    /** {@code config} read with the file's own rules only. */
    private static PromptDataset load(PromptSourceConfig config) throws IOException {
        return PromptDatasets.load(config, PromptCheck.NONE);
    }

    private static PromptSourceConfig config(Path file, EvalSplit split) {
        return new PromptSourceConfig(file, null, PromptFields.DEFAULT, split, BadLinePolicy.FAIL,
                PromptLengthLimit.DEFAULT);
    }

    private static List<String> lines(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> String.format("{\"id\": \"p%03d\", \"prompt\": \"prompt %d\"}", i, i))
                .collect(Collectors.toList());
    }

    private static String jsonl(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static List<String> ids(List<PromptRecord> records) {
        return records.stream().map(PromptRecord::id).collect(Collectors.toList());
    }
}
