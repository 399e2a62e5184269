package dev.sppo.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.loop.SppoConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resumability, with an executor that records what it was asked to run instead of training. */
class StudyRunnerTest {

    @TempDir
    Path tmp;

    private final List<String> executed = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private final RunExecutor recording = (SppoConfig config, PrintStream out) -> {
        executed.add(config.training().loss().id() + "/" + config.seed());
        return List.of(new RunPoint(0, Double.NaN, 0.5, 0.25, 0, 3, null),
                new RunPoint(1, 0.6, 0.55, 0.3, 0.2, 3, null));
    };

    @Test
    void everyRunExecutesOnceAndFinishedRunsAreReusedOnTheNextInvocation() throws Exception {
        StudyConfig config = StudyFixtures.threeMethods(tmp);
        List<RunOutcome> first = runner(config).run();
        assertThat(executed).containsExactly("sppo/1", "dpo/1", "ipo/1", "sppo/2", "dpo/2", "ipo/2", "sppo/3",
                "dpo/3", "ipo/3");
        assertThat(config.runs().get(0).dir(config.runsDir()).resolve(RunCache.FILE)).isRegularFile();

        executed.clear();
        List<RunOutcome> second = runner(config).run();
        assertThat(executed).isEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[study 9/9] addition ipo seed 3: finished "
                + "earlier, reusing");
    }

    @Test
    void anInterruptedOrChangedRunExecutesAgain() throws Exception {
        StudyConfig config = StudyFixtures.threeMethods(tmp);
        runner(config).run();
        RunKey interrupted = new RunKey("addition", "dpo", 2);
        Files.delete(interrupted.dir(config.runsDir()).resolve(RunCache.FILE));
        Files.writeString(new RunKey("addition", "ipo", 3).dir(config.runsDir()).resolve(RunCache.FILE), "{trunc");
        executed.clear();
        runner(config).run();
        assertThat(executed).containsExactly("dpo/2", "ipo/3");

        StudyConfig changed = new StudyConfigReader().read(Map.of("iterations", 1, "runs_dir",
                config.runsDir().toString(), "methods", List.of("sppo", "dpo", "ipo"),
                "train", Map.of("training", Map.of("epochs", 2))));
        executed.clear();
        runner(changed).run();
        assertThat(executed).hasSize(9);
    }

    private StudyRunner runner(StudyConfig config) {
        return new StudyRunner(config, recording, new PrintStream(log, true, StandardCharsets.UTF_8));
    }
}
