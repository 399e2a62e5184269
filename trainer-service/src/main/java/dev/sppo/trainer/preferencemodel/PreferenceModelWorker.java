package dev.sppo.trainer.preferencemodel;

import dev.sppo.preference.training.TrainPreferenceConfig;
import dev.sppo.preference.training.TrainPreferenceResult;
import dev.sppo.preference.training.TrainPreferenceRun;
import dev.sppo.trainer.checkpoint.CheckpointStore;
import dev.sppo.trainer.checkpoint.StoredCheckpoint;
import dev.sppo.trainer.orchestration.LogStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains submitted preference models one at a time, off the request threads, and moves each finished
 * checkpoint into the store. A run interrupted by a restart is trained again from the start when the
 * service comes back (training is seeded, so the result is the same).
 */
@Component
public class PreferenceModelWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PreferenceModelWorker.class);

    private final PreferenceModelRepository runs;
    private final PreferenceModelConfigs configs;
    private final CheckpointStore store;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "preference-model-worker");
        t.setDaemon(true);
        return t;
    });

    public PreferenceModelWorker(PreferenceModelRepository runs, PreferenceModelConfigs configs,
            CheckpointStore store) {
        this.runs = runs;
        this.configs = configs;
        this.store = store;
    }

    /** Queues run {@code id}, already recorded as QUEUED. */
    public void enqueue(String id) {
        executor.execute(() -> train(id));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        runs.unfinished().forEach(run -> enqueue(run.id()));
    }

    @EventListener(ContextClosedEvent.class)
    public void stop() {
        executor.shutdownNow();
    }

    private void train(String id) {
        PreferenceModelRun run = runs.find(id).orElse(null);
        if (run == null || !runs.start(id)) {
            return;
        }
        try {
            TrainPreferenceConfig config = configs.effective(id, run.config());
            Files.createDirectories(config.outDir());
            TrainPreferenceResult result = TrainPreferenceRun.run(config, LogStream.info(LOG, "preference model " + id));
            StoredCheckpoint stored = store.adopt(id, result.checkpoint());
            runs.succeed(id, result.toJson().toString(), stored);
            LOG.info("preference model {} SUCCEEDED: {}", id, stored.uri());
        } catch (IOException | RuntimeException e) {
            LOG.warn("preference model {} FAILED", id, e);
            runs.fail(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
