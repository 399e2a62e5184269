package dev.sppo.fuzz;

import java.util.List;

/**
 * What the file fuzzing found.
 *
 * @param cases damaged files fed to a loader
 * @param accepted those the loader still read (a flipped bit in a weight is a valid file)
 * @param refusedCleanly those refused with an exception of the loader's own whose message names the file
 * @param refusedBadly those refused with a raw JVM exception, an error, or a message that does not name the file
 * @param holes the first few bad refusals, described for a report
 */
public record FileTotals(long cases, long accepted, long refusedCleanly, long refusedBadly, List<String> holes) {

    public FileTotals {
        holes = List.copyOf(holes);
    }
}
