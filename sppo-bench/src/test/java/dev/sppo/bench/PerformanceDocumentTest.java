package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sppo.markdown.MarkdownTable;

import org.junit.jupiter.api.Test;

import java.util.List;

class PerformanceDocumentTest {

    @Test
    void documentNumbersSectionsAndStatesCommandMachineAndTime() {
        Machine machine = new Machine("1", 2, 0.5, 1.25);
        ReportSection measured = new ReportSection("Training", "B 32 × T 64.",
                new MarkdownTable("model", "tokens/s").row("tiny", "1,000"), "It is fast.", machine, 12.4);
        ReportSection computed = ReportSection.computed("Projection", "", new MarkdownTable("phase").row("train"), "");
        String doc = PerformanceDocument.render("./sppo bench --full", List.of(measured, computed), 100);
        assertThat(doc).startsWith("# Performance report\n")
                .contains("`./sppo bench --full` (100 s in all)")
                .contains("\n## 1. Training\n\nB 32 × T 64.\n\n| model | tokens/s |\n|---|---:|\n| tiny | 1,000 |\n\n"
                        + "It is fast.\n\nCommand: `./sppo bench --full`. Intra-op threads: 1 on 2 cores; load average "
                        + "0.50 before, 1.25 after. Section wall time 12 s.\n")
                .contains("\n## 2. Projection\n\n| phase |\n|---|\n| train |\n\nComputed from the formulas above, not "
                        + "measured.\n");
    }
}
