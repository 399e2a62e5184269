package dev.sppo.perf;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the services of a {@link ProcessPlatform} keep checkpoints: the environment each backend is started with
 * beyond the platform's own ({@code SPPO_CHECKPOINT_DIR}, and for a store {@code SPPO_CHECKPOINT_STORE_URL} and
 * its settings).
 */
@FunctionalInterface
public interface CheckpointPlacement {

    /**
     * @param service the service's name ({@value ProcessPlatform#TRAINER}, {@code generator-1},
     *     {@value ProcessPlatform#PREFERENCE})
     * @param trainerUrl the trainer's base URL, chosen before any service starts (the {@code http:} store's)
     * @param dataDir the platform's data directory
     */
    Map<String, String> environment(String service, String trainerUrl, Path dataDir);

    /** Every service on {@code <dataDir>/checkpoints}, as docker-compose mounts one volume into each. */
    static CheckpointPlacement sharedVolume() {
        return (service, trainerUrl, dataDir) -> Map.of("SPPO_CHECKPOINT_DIR",
                dataDir.resolve("checkpoints").toString());
    }
}
