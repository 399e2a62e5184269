package dev.sppo.fuzz;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * One fuzz run against a running platform: REST ({@link RestFuzzer}), Kafka ({@link KafkaFuzzer}) and files
 * ({@link FileFuzzer}), each seeded from the run's seed.
 *
 * @param requests REST requests to send
 * @param recordsPerTopic malformed records per consumed topic
 * @param files damaged files to feed the loaders
 * @param seed the seed every part derives its own from
 */
public record FuzzRun(int requests, int recordsPerTopic, int files, long seed) {

    /** The command's default REST requests. */
    public static final int DEFAULT_REQUESTS = 10_000;
    /** The default malformed records per topic. */
    public static final int DEFAULT_RECORDS_PER_TOPIC = 30;
    /** The default damaged files. */
    public static final int DEFAULT_FILES = 3_000;

    public FuzzRun {
        if (requests < 0 || recordsPerTopic < 0 || files < 0) {
            throw new IllegalArgumentException("requests, recordsPerTopic and files must not be negative: "
                    + requests + ", " + recordsPerTopic + ", " + files);
        }
    }

    /** Runs the three parts against {@code target}, reporting each part's start to {@code progress}. */
    public FuzzTotals run(FuzzTarget target, Consumer<String> progress) throws IOException, InterruptedException {
        progress.accept("REST: " + requests + " requests through " + target.gateway());
        RestTotals rest = new RestFuzzer(target).run(requests, seed);
        progress.accept("Kafka: " + recordsPerTopic + " malformed records per consumed topic");
        KafkaTotals kafka = new KafkaFuzzer(target, seed + 1).run(recordsPerTopic);
        progress.accept("files: " + files + " damaged model, tokenizer and job config files");
        FileTotals fileTotals = new FileFuzzer(seed + 2).run(files);
        return new FuzzTotals(rest, kafka, fileTotals);
    }
}
