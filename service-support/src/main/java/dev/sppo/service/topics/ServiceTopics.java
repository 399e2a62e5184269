package dev.sppo.service.topics;

import dev.sppo.contracts.Topics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The topics one service reads and writes. Each topic it reads that {@link Topics#DEAD_LETTERED dead-letters}
 * brings its dead-letter topic along.
 *
 * @param consumed the topics it reads
 * @param produced the topics it writes
 */
public record ServiceTopics(List<String> consumed, List<String> produced) {

    public ServiceTopics {
        consumed = List.copyOf(consumed);
        produced = List.copyOf(produced);
    }

    /** Every topic the service declares, in order: consumed, produced, then dead-letter topics. */
    public List<String> declared() {
        Set<String> names = new LinkedHashSet<>(consumed);
        names.addAll(produced);
        consumed.stream().filter(Topics.DEAD_LETTERED::contains).map(Topics::deadLetter).forEach(names::add);
        return List.copyOf(names);
    }
}
