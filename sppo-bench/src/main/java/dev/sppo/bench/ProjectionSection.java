package dev.sppo.bench;

import dev.sppo.markdown.MarkdownTable;

import java.util.Locale;

/**
 * The report section that projects one SPPO iteration of a 7B-class policy on GPUs ({@link GpuProjection}):
 * the phases' FLOPs and seconds, what bounds each, and the memory the platform would need.
 */
final class ProjectionSection {

    private ProjectionSection() {}

    static ReportSection render(GpuAssumptions a) {
        GpuProjection projection = new GpuProjection(a);
        double total = projection.totalSeconds();
        MarkdownTable table = new MarkdownTable("phase", "FLOPs", "bound by", "seconds", "share");
        for (GpuProjection.Phase phase : projection.phases()) {
            table.row(phase.name(), format("%.2e", phase.flops()), phase.bound(), format("%,.0f", phase.seconds()),
                    format("%.0f %%", 100 * phase.seconds() / total));
        }
        table.row("**one iteration**", "", "", format("**%,.0f** (%.1f min)", total, total / 60), "100 %");
        return ReportSection.computed("Projection: a 7B-class policy on GPUs", assumptions(a), table,
                needs(projection, a));
    }

    private static String assumptions(GpuAssumptions a) {
        return format("Assumptions (`GpuAssumptions.ultraFeedbackOn8H100`): policy N = %.2f B parameters (%d layers, "
                + "%d kv heads × %d, %d-byte values: %.0f KiB of keys and values per token); pairwise ranker N_s = "
                + "%.1f B (PairRM-size); P = %,d prompts per iteration, K = %d, p = %d prompt tokens, r = %d response "
                + "tokens, %d epoch; G = %d GPUs at %.0f TFLOP/s dense bf16 and %.2f TB/s HBM each, MFU %.0f %% for "
                + "compute-bound work; b = %d sequences decoded together per GPU. Formulas (`GpuProjection`): prefill "
                + "2·N·P·K·p; decode ⌈P·K/(G·b)⌉·r steps of max(bytes/BW, 2·N·b/(peak·MFU)) with bytes = N·β + "
                + "b·(p + r/2)·kv; ranker 2·N_s·P·K(K-1)·(p + 2r); training 6·N·P·2·(p + r)·epochs (winner and loser); "
                + "reference log-probs 0 (recorded at sampling, as this platform does).", a.params() / 1e9, a.layers(),
                a.kvHeads(), a.headDim(), a.bytesPerValue(), a.kvBytesPerToken() / 1024, a.scorerParams() / 1e9,
                a.prompts(), a.k(), a.promptTokens(), a.responseTokens(), a.epochs(), a.gpus(), a.peakFlops() / 1e12,
                a.memoryBandwidth() / 1e12, 100 * a.mfu(), a.decodeBatch());
    }

    private static String needs(GpuProjection p, GpuAssumptions a) {
        double messages = (double) a.prompts() * a.k() * (a.promptTokens() + a.responseTokens()) * 4;
        return format("What the platform would need: each generator replica holds one policy copy (%.1f GB) plus "
                + "the key/value cache of its b sequences (%.1f GB at full length), so one replica per 80 GB GPU; "
                + "training needs %.0f bytes per parameter of state, %.1f GB per GPU when fully sharded over %d GPUs "
                + "(FSDP/ZeRO-3, which this CPU trainer does not do), plus activations; each iteration writes a "
                + "%.1f GB checkpoint that the generators must reload (weights never travel on Kafka, only their "
                + "URI); the responses on Kafka are about %.2f GB of text per iteration (4 bytes a token), which a "
                + "single broker carries easily. Where the time goes: decoding is memory-bound (every step reads all "
                + "weights for only b tokens), so the generate phase gains most from larger decode batches, prefix "
                + "sharing of the K samples and a serving engine with paged attention; training is the second cost "
                + "and grows with epochs; the ranker's K(K-1) pairs grow quadratically with K, while generation and "
                + "training grow linearly (training does not grow with K at all under the winner/loser selection).",
                p.weightBytes() / 1e9, p.peakKvCacheBytes() / 1e9, (double) a.trainingBytesPerParam(),
                p.trainingStateBytesPerGpu() / 1e9, a.gpus(), p.weightBytes() / 1e9, messages / 1e9);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
