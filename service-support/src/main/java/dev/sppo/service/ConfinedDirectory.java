package dev.sppo.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A directory of a service's disk that paths given over REST must stay inside. A requested path is taken
 * relative to the root, or absolute; symbolic links are followed (those of its deepest existing ancestor, when it
 * does not exist), and a path they lead out of the root to counts as outside; so do the root itself and the
 * excluded directory (uploads in progress, say).
 */
public final class ConfinedDirectory {

    private final Path root;
    private final Path excluded;

    /** @param excluded a directory inside the root that counts as outside it, or null */
    public ConfinedDirectory(Path root, Path excluded) {
        this.root = root.toAbsolutePath().normalize();
        this.excluded = excluded == null ? null : this.root.resolve(excluded).normalize();
    }

    public Path root() {
        return root;
    }

    /** @return the path {@code requested} names inside the root, links resolved (it may not exist); else empty */
    public Optional<Path> resolve(String requested) {
        Path candidate;
        try {
            candidate = root.resolve(requested).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!inside(candidate, root, excluded)) {
            return Optional.empty();
        }
        try {
            Path realRoot = real(root);
            Path real = real(candidate);
            return inside(real, realRoot, excluded == null ? null : realRoot.resolve(root.relativize(excluded)))
                    ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * {@link #resolve} for a location given as a path or as a {@code file:} URI; any other URI counts as outside.
     *
     * @return the path {@code location} names inside the root, links resolved (it may not exist); else empty
     */
    public Optional<Path> resolveLocation(String location) {
        if (!location.contains(":")) {
            return resolve(location);
        }
        try {
            URI uri = URI.create(location);
            return "file".equals(uri.getScheme()) ? resolve(Path.of(uri).toString()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code path} with its links resolved: those of its deepest existing ancestor, the rest as written. */
    private static Path real(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
    }

    private static boolean inside(Path path, Path root, Path excluded) {
        return path.startsWith(root) && !path.equals(root) && (excluded == null || !path.startsWith(excluded));
    }
}
