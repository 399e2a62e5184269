package dev.sppo.trainer.config;

import dev.sppo.contracts.PreferenceSpec;
import dev.sppo.loop.PolicyWeights;
import dev.sppo.loop.SppoConfig;

/**
 * A job's run config and the preference model its generation requests carry. Its prompts are opened once π_0
 * exists, against π_0's tokenizer ({@link JobPrompts}).
 *
 * @param config the run config, read as {@code ./sppo train --config} reads it
 * @param preference the preference model that scores the job's responses
 */
public record JobPlan(SppoConfig config, PreferenceSpec preference) {

    /** How the job's policies are held, trained and saved: every parameter, or a LoRA adapter. */
    public PolicyWeights weights() {
        return new PolicyWeights(config.weights(), config.seed());
    }

    /** The sampling seed of iteration t, seed·1000 + t as in {@code SppoLoop}. */
    public long samplingSeed(int t) {
        return config.seed() * 1000 + t;
    }
}
