package dev.sppo.cli;

import dev.sppo.checkpoint.DirectoryTrees;
import dev.sppo.embedded.FreePorts;
import dev.sppo.fuzz.FuzzRun;
import dev.sppo.fuzz.FuzzTarget;
import dev.sppo.fuzz.FuzzTotals;
import dev.sppo.platform.EmbeddedStack;
import dev.sppo.platform.PlatformLog;
import dev.sppo.platform.ServiceSettings;
import dev.sppo.platform.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code sppo fuzz}: starts the whole platform in this JVM on free ports over a temporary data directory (as
 * {@code sppo demo} does), runs {@link FuzzRun} against it (REST through the gateway, hostile Kafka records, damaged
 * files) and prints the totals as a markdown table; exit code 1 when the run found a hole, each listed on stderr.
 */
@Command(
        name = "fuzz",
        mixinStandardHelpOptions = true,
        description = {
            "Hostile input against the platform in this JVM: seeded REST requests on every route of the gateway's "
                    + "OpenAPI document, malformed Kafka records on every consumed topic, damaged model, tokenizer "
                    + "and job config files; prints the totals; exit code 1 when something answered badly."
        })
public final class FuzzCommand implements Callable<Integer> {

    private static final String API_KEY = "fuzz-key";

    @Option(names = "--requests", paramLabel = "N", defaultValue = "" + FuzzRun.DEFAULT_REQUESTS,
            description = "REST requests (default: ${DEFAULT-VALUE})")
    private int requests;

    @Option(names = "--records-per-topic", paramLabel = "N", defaultValue = "" + FuzzRun.DEFAULT_RECORDS_PER_TOPIC,
            description = "malformed records per consumed topic (default: ${DEFAULT-VALUE})")
    private int records;

    @Option(names = "--files", paramLabel = "N", defaultValue = "" + FuzzRun.DEFAULT_FILES,
            description = "damaged files fed to the loaders (default: ${DEFAULT-VALUE})")
    private int files;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20261207",
            description = "seed of every part (default: ${DEFAULT-VALUE}); the same seed sends the same input")
    private long seed;

    @Override
    public Integer call() throws Exception {
        long begin = System.nanoTime();
        FuzzTotals totals = onEmbeddedPlatform(new FuzzRun(requests, records, files, seed),
                line -> System.err.println("sppo fuzz: " + line));
        totals.holes().forEach(hole -> System.err.println("hole: " + hole));
        System.out.printf("./sppo fuzz --requests %d --records-per-topic %d --files %d --seed %d: %.0f s%n%n",
                requests, records, files, seed, (System.nanoTime() - begin) / 1e9);
        System.out.print(totals.markdown());
        System.out.flush();
        return totals.clean() ? 0 : 1;
    }

    /** Runs {@code run} against the whole platform started in this JVM on free ports and a temporary directory. */
    static FuzzTotals onEmbeddedPlatform(FuzzRun run, Consumer<String> progress) throws Exception {
        Path data = Files.createTempDirectory("sppo-fuzz");
        StackSettings settings = new StackSettings(data, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                new ServiceSettings(0, 0, 0, FreePorts.next(), 1, API_KEY));
        PlatformLog.toFile(settings.logFile());
        try (EmbeddedStack stack = EmbeddedStack.start(settings, System.err)) {
            FuzzTarget target = new FuzzTarget(URI.create("http://127.0.0.1:" + stack.gatewayPort()), API_KEY,
                    "127.0.0.1:" + settings.kafkaPort());
            return run.run(target, progress);
        } finally {
            DirectoryTrees.delete(data);
        }
    }
}
