package dev.sppo.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The services' executable jars as the build leaves them: {@code <root>/<service>/target/<service>-*-exec.jar}. */
public record ServiceJars(Path root) {

    /**
     * @throws IOException naming the service, the folder searched and the command that builds the jar
     */
    public Path of(String service) throws IOException {
        Path target = root.resolve(service).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(p -> p.getFileName().toString().startsWith(service + "-")
                        && p.getFileName().toString().endsWith("-exec.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IOException("no executable jar of " + service + " in " + target
                + ": build it with ./mvnw -q -B -pl sppo-launcher -am install -DskipTests");
    }
}
