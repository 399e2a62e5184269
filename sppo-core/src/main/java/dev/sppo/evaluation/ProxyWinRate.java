package dev.sppo.evaluation;

import dev.sppo.preference.PreferenceModel;

import java.util.List;

/**
 * π_t's win rate against π_0 as a proxy preference model judges it (the model SPPO trained against), to set
 * beside the gold judge's win rate: the gap between the two is how far π_t over-optimises the proxy.
 *
 * <p>For held-out prompt x_i and sample k, with y_t = π_t's response and y_0 = π_0's response k,
 * <pre>  p_ik = P_proxy(y_t ≻ y_0 | x_i) = P[0][1] of the proxy's 2 × 2 matrix for (y_t, y_0)</pre>
 * counts as a win when p_ik &gt; 1/2, a tie when p_ik = 1/2 and a loss otherwise ({@link HeadToHead}), exactly like
 * the gold comparison in {@link PolicyResponses#against}, so the two rates and their intervals are comparable.
 */
public final class ProxyWinRate {

    private ProxyWinRate() {}

    /**
     * @param prompts the held-out prompt texts, indexed like the responses
     * @param current π_t's responses
     * @param base π_0's responses to the same prompts
     */
    public static WinRate of(PreferenceModel proxy, List<String> prompts, PolicyResponses current,
            PolicyResponses base) {
        return HeadToHead.judge(proxy, prompts, current.texts(), base.texts()).winRate();
    }
}
