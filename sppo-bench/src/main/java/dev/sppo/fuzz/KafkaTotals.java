package dev.sppo.fuzz;

import java.util.List;

/**
 * What the Kafka fuzzing found.
 *
 * @param sent malformed records sent to the topics that dead-letter
 * @param deadLettered those found on their dead-letter topic with a reason header
 * @param skipped malformed records sent to the topics that log and skip instead (checkpoint and job events)
 * @param oddKeysSent valid prompts sent to {@code sppo.prompts} under odd keys
 * @param oddKeysStored those the continuous job stored as usual
 * @param consumersStuck consumer groups left behind their topic, plus 1 if a job submitted afterwards did not
 *     succeed
 * @param oversizeSent records larger than the broker accepts
 * @param oversizeRefused those refused at the producer with {@code RecordTooLargeException}
 * @param holes what went wrong, described for a report
 */
public record KafkaTotals(long sent, long deadLettered, long skipped, long oddKeysSent, long oddKeysStored,
        long consumersStuck, long oversizeSent, long oversizeRefused, List<String> holes) {

    public KafkaTotals {
        holes = List.copyOf(holes);
    }

    /** True when every record went where the README says and no consumer stopped. */
    public boolean clean() {
        return deadLettered == sent && oddKeysStored == oddKeysSent && consumersStuck == 0
                && oversizeRefused == oversizeSent && holes.isEmpty();
    }
}
