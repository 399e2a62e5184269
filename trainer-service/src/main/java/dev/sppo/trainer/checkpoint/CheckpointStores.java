package dev.sppo.trainer.checkpoint;

import dev.sppo.service.store.CheckpointStoreProperties;
import dev.sppo.service.store.S3CheckpointBucket;
import dev.sppo.trainer.TrainerProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trainer's {@link CheckpointStore}, chosen by the scheme of {@code sppo.checkpoint-store.url}
 * ({@code SPPO_CHECKPOINT_STORE_URL}): none, the directory store (a shared volume, or the trainer's own disk behind
 * the {@code http:} store API that readers fetch from); {@code s3:}, the directory store as the working copy and
 * every checkpoint uploaded to the bucket before it is recorded. An {@code http:} url names the trainer itself, so it
 * is refused here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckpointStoreProperties.class)
class CheckpointStores {

    @Bean
    CheckpointStore checkpointStore(TrainerProperties trainer, CheckpointStoreProperties store,
            MeterRegistry registry) {
        DirectoryCheckpointStore directory = new DirectoryCheckpointStore(trainer);
        if (!store.remote()) {
            return directory;
        }
        if (!store.objectStore()) {
            throw new IllegalArgumentException("sppo.checkpoint-store.url: the trainer serves the http: store itself "
                    + "(its readers name it); give the trainer an s3: url or none, got " + store.url());
        }
        return new UploadingCheckpointStore(directory, new S3CheckpointBucket(store), registry);
    }
}
