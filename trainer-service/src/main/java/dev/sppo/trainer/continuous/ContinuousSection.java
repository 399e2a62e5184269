package dev.sppo.trainer.continuous;

import dev.sppo.trainer.config.JobSection;

import org.springframework.stereotype.Component;

/** The {@code continuous} section of a job config, checked by {@link ContinuousSettings#read}. */
@Component
public class ContinuousSection implements JobSection {

    @Override
    public String key() {
        return ContinuousSettings.KEY;
    }

    @Override
    public void check(Object section) {
        ContinuousSettings.read(section);
    }
}
