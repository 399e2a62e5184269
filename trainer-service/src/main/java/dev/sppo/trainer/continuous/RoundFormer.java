package dev.sppo.trainer.continuous;

import java.time.Duration;

/**
 * When waiting prompts become a round: as soon as N of them wait, or, with fewer, once the oldest has waited
 * the maximum wait. Rounds take prompts in arrival order.
 */
public final class RoundFormer {

    private RoundFormer() {}

    /**
     * @param waiting prompts stored and not yet in a round
     * @param oldestWaited how long the oldest of them has waited (ignored when none waits)
     * @return how many of them (the oldest first) form the next round now; 0 for none
     */
    public static int nextRoundSize(int waiting, Duration oldestWaited, ContinuousSettings settings) {
        if (waiting >= settings.roundPrompts()) {
            return settings.roundPrompts();
        }
        return waiting > 0 && oldestWaited.compareTo(settings.maxWait()) >= 0 ? waiting : 0;
    }
}
