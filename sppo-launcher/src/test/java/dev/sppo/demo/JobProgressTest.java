package dev.sppo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

class JobProgressTest {

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final JobProgress progress = new JobProgress(new PrintStream(terminal, true, StandardCharsets.UTF_8));

    @Test
    void everyStepBetweenTwoReadingsGetsItsFinishedLineInOrderWithTheTrainersTimes() {
        progress.update(JobViews.queued());
        progress.update(JobViews.succeeded());

        assertThat(finishedLines()).containsExactly(
                "[base    ] ######################## 100.0s  π_0 ready",
                "[gen 1   ] ########################  10.0s  4 prompts answered and judged",
                "[train 1 ] ########################  20.0s  loss 1.5000  P̂ winners 0.750  losers 0.250",
                "[eval 1  ] ########################   5.0s  win rate vs π_0 0.600 [0.550, 0.650]  task score 0.700",
                "[gen 2   ] ########################   8.0s  4 prompts answered and judged",
                "[train 2 ] ########################  18.0s  loss 1.2500  P̂ winners 0.700  losers 0.200",
                "[eval 2  ] ########################   4.0s  win rate vs π_0 0.650 [0.600, 0.700]  task score 0.800");
    }

    @Test
    void theGenerateBarCountsAnsweredPromptsOutOfTheIterationsPrompts() {
        progress.update(JobViews.generating(1));
        sleepPastTheRedrawInterval();
        progress.update(JobViews.generating(3));

        assertThat(lastDrawing()).startsWith("[gen 1   ] ##################------     3/4");
    }

    @Test
    void aFailedJobEndsTheLiveLineWithItsReason() {
        progress.update(JobViews.generating(3));
        progress.update(JobViews.failedWhileGenerating());

        assertThat(finishedLines()).last().isEqualTo("FAILED: generator gone");
    }

    /** The lines as a terminal leaves them: each one's last redraw. */
    private List<String> finishedLines() {
        return Arrays.stream(text().split("\n")).map(line -> line.substring(line.lastIndexOf('\r') + 1))
                .filter(line -> !line.isBlank()).toList();
    }

    /** {@link dev.sppo.training.Progress} redraws at most every 200 ms. */
    private static void sleepPastTheRedrawInterval() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String lastDrawing() {
        String text = text();
        return text.substring(text.lastIndexOf('\r') + 1);
    }

    private String text() {
        return terminal.toString(StandardCharsets.UTF_8);
    }
}
