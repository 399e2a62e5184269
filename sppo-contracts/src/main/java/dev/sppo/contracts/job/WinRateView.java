package dev.sppo.contracts.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A head-to-head win rate as an iteration's metrics hold it: the estimate, its 95% interval and the counts
 * behind it (the members of the engine's {@code WinRate}).
 *
 * @param rate the mean score of the comparisons (a win scores 1, a tie 1/2)
 * @param lower lower end of the 95% interval
 * @param upper upper end of the 95% interval
 * @param wins comparisons won
 * @param ties comparisons tied
 * @param losses comparisons lost
 */
public record WinRateView(double rate, double lower, double upper, int wins, int ties, int losses) {

    /** The members in the order the metrics JSON holds them; a number that is not finite is null. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate", Metric.jsonValue(rate));
        json.put("lower", Metric.jsonValue(lower));
        json.put("upper", Metric.jsonValue(upper));
        json.put("wins", wins);
        json.put("ties", ties);
        json.put("losses", losses);
        return json;
    }
}
