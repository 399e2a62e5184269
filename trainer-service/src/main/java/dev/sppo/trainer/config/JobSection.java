package dev.sppo.trainer.config;

/**
 * A top-level section of a job config that is a setting of this service, not of the SPPO run that
 * {@code ./sppo train} reads (the {@code continuous} section of a continuous job): {@link JobConfigs} sets it
 * aside from the run config and has its owner check it, so that a refusal lists its bad fields beside the
 * run config's.
 */
public interface JobSection {

    /** The section's key in the config tree. */
    String key();

    /**
     * Reads the section with its defaults.
     *
     * @throws dev.sppo.config.InvalidConfigException naming the bad field ({@code continuous.round_prompts: ...})
     */
    void check(Object section);
}
