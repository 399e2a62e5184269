package dev.sppo.textdemo;

import dev.sppo.config.ConfigFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text demo's SPPO job: {@code docs/text-demo.yaml} (on the class path as a resource of this package), whose
 * three paths name the assets of {@code ./sppo text-demo-assets}. On the platform the prompts are an uploaded
 * dataset and π_0 and the training judge lie in the trainer's models root, so {@link #forPlatform} names those.
 */
public final class TextDemoJob {

    static final String RESOURCE = "text-demo.yaml";

    private TextDemoJob() {}

    /** The job as {@code ./sppo train --config docs/text-demo.yaml} reads it. */
    static Map<String, Object> config() {
        try (InputStream in = TextDemoJob.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the launcher jar lacks " + RESOURCE + " (docs/text-demo.yaml)");
            }
            return ConfigFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** T: the job's last policy is π_T. */
    public static int iterations() {
        return ((Number) config().get("iterations")).intValue();
    }

    /**
     * The body of {@code POST /api/jobs}: the job named {@code name}, its prompts the uploaded {@code dataset},
     * π_0 and the training judge those of {@code assets}, which must lie in the trainer's models root.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> forPlatform(String name, String dataset, TextDemoAssets assets) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("name", name);
        job.putAll(config());
        job.remove("run_dir");
        Map<String, Object> prompts = new LinkedHashMap<>((Map<String, Object>) job.get("prompts"));
        prompts.remove("path");
        prompts.put("dataset", dataset);
        job.put("prompts", prompts);
        job.put("base", Map.of("path", assets.base().toString()));
        Map<String, Object> preference = new LinkedHashMap<>((Map<String, Object>) job.get("preference"));
        preference.put("model_uri", assets.judge().toString());
        job.put("preference", preference);
        return job;
    }
}
