package dev.sppo.bench;

import dev.sppo.markdown.MarkdownTable;

/** Starts when a section starts; {@link #finish} stamps the section with its wall time and the machine's load. */
public final class SectionClock {

    private final long start = System.nanoTime();
    private final double loadBefore = Machine.currentLoad();

    public ReportSection finish(String title, String setup, MarkdownTable table, String notes) {
        return new ReportSection(title, setup, table, notes, Machine.afterRun(loadBefore),
                (System.nanoTime() - start) / 1e9);
    }
}
