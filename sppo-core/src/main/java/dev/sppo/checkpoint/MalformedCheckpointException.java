package dev.sppo.checkpoint;

import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A checkpoint file, index or request that this package refuses. The message always names the
 * file, the tensor when there is one, and the problem, so it can be shown to a user as it is.
 */
public final class MalformedCheckpointException extends RuntimeException {

    private static final int KNOWN_NAMES_SHOWN = 5;

    /** A problem with the file as a whole (no particular tensor). */
    public MalformedCheckpointException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** A problem with one tensor of the file. */
    public MalformedCheckpointException(Path file, String tensor, String problem) {
        super(file + ": tensor '" + tensor + "': " + problem);
    }

    /** A request for a tensor name that {@code file} does not hold; lists a few names it does hold. */
    static MalformedCheckpointException unknownTensor(Path file, String tensor, Collection<String> known) {
        String shown = known.stream().limit(KNOWN_NAMES_SHOWN).collect(Collectors.joining(", "));
        String more = known.size() > KNOWN_NAMES_SHOWN ? " and " + (known.size() - KNOWN_NAMES_SHOWN) + " more" : "";
        String problem = known.isEmpty()
                ? "no such tensor; the checkpoint holds no tensors"
                : "no such tensor; known tensors: " + shown + more;
        return new MalformedCheckpointException(file, tensor, problem);
    }
}
