package dev.sppo.training;

import ai.djl.ndarray.NDArray;
import dev.sppo.loss.LossMetrics;

/**
 * {@link LossMetrics} for {@code sppo_all}, which has no explicit pairs: responses with P̂ ≥ 1/2 count as
 * chosen and the rest as rejected; the reward accuracy compares the two groups' mean log-ratios.
 */
final class ResponseMetrics {

    private ResponseMetrics() {}

    static LossMetrics of(double loss, NDArray policy, NDArray reference, NDArray winRate) {
        float[] ratio = policy.stopGradient().sub(reference).toFloatArray();
        float[] p = winRate.toFloatArray();
        double chosen = 0;
        double rejected = 0;
        double all = 0;
        int nChosen = 0;
        for (int i = 0; i < ratio.length; i++) {
            all += ratio[i];
            if (p[i] >= 0.5) {
                chosen += ratio[i];
                nChosen++;
            } else {
                rejected += ratio[i];
            }
        }
        int nRejected = ratio.length - nChosen;
        double meanChosen = nChosen == 0 ? 0 : chosen / nChosen;
        double meanRejected = nRejected == 0 ? 0 : rejected / nRejected;
        double accuracy = nChosen == 0 || nRejected == 0 ? 0.5 : meanChosen > meanRejected ? 1 : 0;
        return new LossMetrics(loss, meanChosen, meanRejected, accuracy, -all / ratio.length);
    }
}
