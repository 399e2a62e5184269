package dev.sppo.fuzz;

import dev.sppo.markdown.MarkdownTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The totals of one fuzz run ({@link FuzzRun}), REST, Kafka and files.
 *
 * @param rest what the gateway answered
 * @param kafka where the hostile records went
 * @param files how the loaders took damaged files
 */
public record FuzzTotals(RestTotals rest, KafkaTotals kafka, FileTotals files) {

    /** True when nothing was found: no bad answer, every record where it belongs, no bad refusal of a file. */
    public boolean clean() {
        return rest.clean() && kafka.clean() && files.refusedBadly() == 0;
    }

    /** The holes found, REST first; empty when {@link #clean()}. */
    public List<String> holes() {
        List<String> all = new ArrayList<>();
        rest.holes().forEach(h -> all.add("REST: " + h));
        kafka.holes().forEach(h -> all.add("Kafka: " + h));
        files.holes().forEach(h -> all.add("file: " + h));
        return all;
    }

    /** The totals as one markdown table, a row per part. */
    public String markdown() {
        MarkdownTable table = new MarkdownTable("fuzz", "sent", "5xx", "stack traces in bodies",
                "4xx that are no JSON problem", "no answer", "handled as documented", "consumers stuck",
                "files refused badly");
        long restBad = rest.serverErrors() + rest.stackTraces() + rest.notProblems() + rest.unanswered();
        table.row("REST through the gateway, every operation of its OpenAPI document", count(rest.sent())
                + " requests", count(rest.serverErrors()), count(rest.stackTraces()), count(rest.notProblems()),
                count(rest.unanswered()), count(rest.sent() - restBad) + " answered well", "", "");
        table.row("Kafka: malformed records under odd keys, every dead-lettering topic", count(kafka.sent())
                + " records", "", "", "", "", count(kafka.deadLettered()) + " dead-lettered with a reason",
                count(kafka.consumersStuck()), "");
        table.row("Kafka: malformed checkpoint and job events", count(kafka.skipped()) + " records", "", "", "", "",
                "logged and skipped", "", "");
        table.row("Kafka: valid prompts under odd keys", count(kafka.oddKeysSent()) + " records", "", "", "", "",
                count(kafka.oddKeysStored()) + " stored as usual", "", "");
        table.row("Kafka: records larger than the broker accepts", count(kafka.oversizeSent()) + " records", "",
                "", "", "", count(kafka.oversizeRefused()) + " refused at the producer", "", "");
        table.row("Files: damaged model.safetensors, config.json, tokenizer.json, job configs",
                count(files.cases()) + " files", "", "", "", "", count(files.refusedCleanly())
                        + " refused naming the file, " + count(files.accepted()) + " still valid", "",
                count(files.refusedBadly()));
        return table.markdown();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
