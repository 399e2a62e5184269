package dev.sppo.cli;

import com.google.gson.Gson;
import dev.sppo.client.JobsClient;
import dev.sppo.config.ConfigFiles;
import dev.sppo.contracts.job.JobSummary;
import dev.sppo.demo.FinishedJob;
import dev.sppo.demo.JobFollower;
import dev.sppo.embedded.EmbeddedDatabase;
import dev.sppo.platform.EmbeddedStack;
import dev.sppo.platform.PlatformLog;
import dev.sppo.platform.ServiceSettings;
import dev.sppo.platform.StackSettings;
import dev.sppo.textdemo.ContinuationsTable;
import dev.sppo.textdemo.TextDemoAssets;
import dev.sppo.textdemo.TextDemoJob;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sppo demo}: the whole platform in this JVM with zero setup: an in-process Kafka broker, an embedded
 * PostgreSQL and the four services, all keeping their data under one directory. It submits a job through the
 * gateway exactly as a user would, shows its progress, prints the results table, and serves until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the platform in one process (Kafka, PostgreSQL, gateway, generator, preference and "
                + "trainer services), submit the default job through the REST API, show its progress and results, "
                + "and keep serving until Ctrl-C.",
            "Data (job history, checkpoints, logs) persists in --data-dir: a second run resumes unfinished jobs "
                + "and submits a new one."})
final class DemoCommand implements Callable<Integer> {

    /** Held-out prompts in the text demo's before-and-after table. */
    private static final int CONTINUATIONS = 8;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.sppo/demo",
            description = "Kafka log, PostgreSQL cluster, checkpoints and logs/platform.log (default: ~/.sppo/demo).")
    private Path dataDir;

    @Option(names = "--fresh", description = "Delete the data directory first: no job history, no cached base policy.")
    private boolean fresh;

    @Option(names = "--exit", description = "Quit when the job ends: exit code 0 if it SUCCEEDED, 1 otherwise.")
    private boolean exit;

    @Option(names = "--text", description = "Run the text demo instead: a small LLaMA pretrained here on quotes "
            + "learns to continue them more happily, trained against a learned judge (MiniLM + head, noisy VADER "
            + "labels) and evaluated by VADER (docs/text-demo.yaml; its assets are built first, about 3 minutes).")
    private boolean text;

    @Option(names = "--job", paramLabel = "FILE",
            description = "A job config (YAML or JSON, the keys of 'sppo train --config') to submit instead of the "
                    + "default job.")
    private Path jobFile;

    @Option(names = "--generators", paramLabel = "N", defaultValue = "1",
            description = "Generator-service replicas sharing the work (default: ${DEFAULT-VALUE}).")
    private int generators;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "dev-key",
            description = "The gateway's API key (default: ${DEFAULT-VALUE}).")
    private String apiKey;

    @Option(names = "--gateway-port", paramLabel = "PORT", defaultValue = "8080",
            description = "The gateway: REST API and dashboard (default: ${DEFAULT-VALUE}).")
    private int gatewayPort;

    @Option(names = "--generator-port", paramLabel = "PORT", defaultValue = "8081",
            description = "The first generator-service replica (default: ${DEFAULT-VALUE}; more replicas take free "
                    + "ports).")
    private int generatorPort;

    @Option(names = "--preference-port", paramLabel = "PORT", defaultValue = "8082",
            description = "The preference-service (default: ${DEFAULT-VALUE}).")
    private int preferencePort;

    @Option(names = "--trainer-port", paramLabel = "PORT", defaultValue = "8083",
            description = "The trainer-service (default: ${DEFAULT-VALUE}).")
    private int trainerPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "29092",
            description = "The Kafka broker (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT", defaultValue = "29093",
            description = "The Kafka KRaft controller (default: ${DEFAULT-VALUE}).")
    private int kafkaControllerPort;

    @Option(names = "--postgres-port", paramLabel = "PORT", defaultValue = "25432",
            description = "PostgreSQL (default: ${DEFAULT-VALUE}).")
    private int postgresPort;

    @Override
    public Integer call() throws Exception {
        StackSettings settings = settings();
        if (text && jobFile != null) {
            throw new IllegalArgumentException("--text runs the text demo's own job; leave out --job");
        }
        String job = text ? null : jobBody();
        PrintStream terminal = System.err;
        EmbeddedDatabase.stopOrphan(settings.postgresDir()).ifPresent(pid -> terminal.println("sppo demo: stopped "
                + "the PostgreSQL server (pid " + pid + ") that an earlier run left on " + settings.postgresDir()));
        ports().requireUsable();
        if (fresh) {
            EmbeddedStack.wipe(settings.dataDir());
        }
        long begin = System.nanoTime();
        TextDemoAssets assets = text ? TextDemoAssets.prepare(textAssets(settings), terminal) : null;
        PlatformLog.toFile(settings.logFile());
        terminal.println("sppo demo: data in " + settings.dataDir() + ", logs in " + settings.logFile());
        EmbeddedStack stack = EmbeddedStack.start(settings, terminal);
        OrderlyShutdown.install(stack::close, terminal);
        FinishedJob finished;
        try {
            finished = submitAndFollow(stack, job, assets, terminal);
        } catch (IOException | RuntimeException e) {
            if (stack.isClosing()) {
                awaitExit();
            }
            stack.close();
            throw e;
        }
        report(finished, stack, begin);
        if (text && finished.succeeded()) {
            out().println(ContinuationsTable.markdown(settings.checkpointDir().resolve("runs").resolve(finished.id()),
                    TextDemoJob.iterations(), CONTINUATIONS));
            out().flush();
        }
        if (exit) {
            stack.close();
            return finished.succeeded() ? 0 : 1;
        }
        out().println("serving until Ctrl-C");
        out().flush();
        awaitExit();
        return 0;
    }

    private StackSettings settings() {
        if (generators < 1) {
            throw new IllegalArgumentException("--generators must be at least 1, got " + generators);
        }
        return new StackSettings(dataDir.toAbsolutePath().normalize(), kafkaPort, kafkaControllerPort, postgresPort,
                new ServiceSettings(gatewayPort, generatorPort, preferencePort, trainerPort, generators, apiKey));
    }

    private DemoPorts ports() {
        return new DemoPorts()
                .with("--gateway-port", gatewayPort)
                .with("--generator-port", generatorPort)
                .with("--preference-port", preferencePort)
                .with("--trainer-port", trainerPort)
                .with("--kafka-port", kafkaPort)
                .with("--kafka-controller-port", kafkaControllerPort)
                .with("--postgres-port", postgresPort);
    }

    /** The body of {@code POST /api/jobs}: {@code {"name":"demo"}} (every default), or the --job file's tree. */
    private String jobBody() throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "demo");
        if (jobFile != null) {
            body.putAll(ConfigFiles.parse(jobFile));
        }
        return new Gson().toJson(body);
    }

    /** The text demo's assets lie in the trainer's models root, where a job's {@code base.path} may point. */
    private static Path textAssets(StackSettings settings) {
        return settings.checkpointDir().resolve("models").resolve("text-demo");
    }

    /** The text demo's job: its prompts uploaded as a dataset, π_0 and the training judge from {@code assets}. */
    private static String textJob(JobsClient client, TextDemoAssets assets) throws IOException, InterruptedException {
        String dataset = client.uploadDataset("text-demo-prompts", assets.prompts());
        return new Gson().toJson(TextDemoJob.forPlatform("text-demo", dataset, assets));
    }

    private FinishedJob submitAndFollow(EmbeddedStack stack, String body, TextDemoAssets assets, PrintStream terminal)
            throws IOException, InterruptedException {
        URI gateway = gateway(stack);
        JobsClient client = new JobsClient(gateway.toString(), apiKey);
        String job = assets == null ? body : textJob(client, assets);
        List<String> unfinished = client.list().stream().filter(j -> !j.ended()).map(JobSummary::id).toList();
        if (!unfinished.isEmpty()) {
            terminal.println("resuming " + unfinished.size() + " unfinished job(s) of an earlier run: "
                    + String.join(", ", unfinished) + " (they share the trainer with the new job)");
        }
        String id = client.submit(job);
        terminal.println("submitted job " + id + " (POST " + gateway.resolve("api/jobs") + "); dashboard: "
                + gateway);
        return new JobFollower(client, terminal).follow(id);
    }

    private void report(FinishedJob finished, EmbeddedStack stack, long beginNanos) {
        PrintWriter out = out();
        out.println();
        out.println(finished.table());
        if (!finished.succeeded()) {
            out.println("job " + finished.id() + " " + finished.state()
                    + (finished.failureReason() == null ? "" : ": " + finished.failureReason()));
        }
        long seconds = Math.round((System.nanoTime() - beginNanos) / 1e9);
        out.println(String.format(Locale.ROOT, "job %s %s in %dm%02ds (platform start included)", finished.id(),
                finished.state(), seconds / 60, seconds % 60));
        out.println("dashboard: " + gateway(stack));
        out.flush();
    }

    private static URI gateway(EmbeddedStack stack) {
        return URI.create("http://localhost:" + stack.gatewayPort() + "/");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Blocks until the JVM exits: Ctrl-C closes the platform in order, then exits ({@link OrderlyShutdown}). */
    private static void awaitExit() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
