package dev.sppo.perf;

import ai.djl.ndarray.NDManager;
import dev.sppo.bench.FullBenchConfig;
import dev.sppo.bench.FullBenchmark;
import dev.sppo.bench.IterationJob;
import dev.sppo.bench.Machine;
import dev.sppo.bench.NamedScorer;
import dev.sppo.bench.OnnxScorers;
import dev.sppo.bench.PerformanceDocument;
import dev.sppo.bench.ReportSection;
import dev.sppo.checkpoint.DirectoryTrees;
import dev.sppo.loop.SppoConfigReader;
import dev.sppo.loop.WarmStart;
import dev.sppo.preference.onnx.OnnxRuntimeSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code sppo bench --full}: the in-process sections ({@link FullBenchmark}) and the platform sections ({@link
 * PipelineBench}) in one run, written as one markdown document. Every SPPO iteration starts from the default
 * warm-start base policy (trained once and cached if missing). Scratch data (checkpoints, the broker's and the
 * database's files, the services' logs) goes to a temporary directory that is deleted afterwards.
 */
public final class FullBench {

    /** The pipeline job: the default iteration size (512 prompts × K = 5, 8 new tokens, 500 evaluation prompts). */
    static final int PIPELINE_PROMPTS = 512;
    /** The pipeline sections' larger job: four times the prompts, up to 32 new tokens a response. */
    static final int LARGER_PIPELINE_PROMPTS = 2048;
    private static final String SERVICE_HEAP = "1g";
    private static final String API_KEY = "bench-key";

    private final Path projectRoot;
    private final Consumer<String> progress;

    /**
     * @param projectRoot where the services' executable jars are built ({@code <service>/target})
     * @param progress one line per measurement
     */
    public FullBench(Path projectRoot, Consumer<String> progress) {
        this.projectRoot = projectRoot;
        this.progress = progress;
    }

    /** Runs every section and writes the document to {@code out}; returns the document. */
    public String run(Path out, PrintStream log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path base = WarmStart.basePolicy(new SppoConfigReader().defaults(), log);
        Path work = Files.createTempDirectory("sppo-bench-full");
        List<ReportSection> sections = new ArrayList<>();
        try (NDManager scorers = NDManager.newBaseManager();
                OnnxScorers onnx = new OnnxScorers(work.resolve("onnx"), scorers, onnxSettings())) {
            List<NamedScorer> all = new ArrayList<>(FullBenchmark.defaultScorers(scorers));
            all.addAll(onnx.scorers());
            sections.addAll(new FullBenchmark(FullBenchConfig.defaults(), all, base, work.resolve("growth"), progress)
                    .run());
            sections.addAll(pipeline(base, work));
        } finally {
            deleteQuietly(work);
        }
        String document = PerformanceDocument.render(command("--full"), sections, (System.nanoTime() - start) / 1e9);
        Path parent = out.toAbsolutePath().getParent();
        Path charts = parent.resolve(PerformanceDocument.CHART_DIR);
        Files.createDirectories(charts);
        PerformanceDocument.writeCharts(sections, charts);
        Files.writeString(out, document);
        return document;
    }

    /**
     * {@code sppo bench --pipeline}: only the platform sections (pipeline overhead with its stage trace, service
     * memory, generator replicas), as a markdown document; nothing is written.
     */
    public String runPipeline(PrintStream log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path base = WarmStart.basePolicy(new SppoConfigReader().defaults(), log);
        Path work = Files.createTempDirectory("sppo-bench-pipeline");
        try {
            List<ReportSection> sections = pipeline(base, work);
            return PerformanceDocument.render(command("--pipeline"), sections, (System.nanoTime() - start) / 1e9);
        } finally {
            deleteQuietly(work);
        }
    }

    private List<ReportSection> pipeline(Path base, Path work) throws IOException, InterruptedException {
        IterationJob job = new IterationJob(PIPELINE_PROMPTS, 5, 8, 500, base);
        IterationJob larger = new IterationJob(LARGER_PIPELINE_PROMPTS, 5, 32, 500, base);
        ProcessSettings settings = new ProcessSettings(work.resolve("platform"), new ServiceJars(projectRoot),
                threads(), SERVICE_HEAP, API_KEY, base.getParent());
        return new PipelineBench(job, larger, settings, progress).run();
    }

    /** The command that regenerates the report ({@code option}: --full or --pipeline), with this JVM's threads. */
    private static String command(String option) {
        String threads = System.getProperty(Machine.THREADS_PROPERTY);
        return (threads == null ? "" : "SPPO_THREADS=" + threads + " ") + "./sppo bench " + option;
    }

    /** ONNX Runtime with as many intra-op threads as PyTorch has, batches of the default size. */
    public static OnnxRuntimeSettings onnxSettings() {
        return new OnnxRuntimeSettings(threads(), OnnxRuntimeSettings.DEFAULTS.batchSize());
    }

    private static int threads() {
        String threads = System.getProperty(Machine.THREADS_PROPERTY);
        return threads == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads.trim());
    }

    private void deleteQuietly(Path dir) {
        try {
            DirectoryTrees.delete(dir);
        } catch (IOException e) {
            progress.accept("could not delete the scratch directory " + dir + ": " + e.getMessage());
        }
    }
}
