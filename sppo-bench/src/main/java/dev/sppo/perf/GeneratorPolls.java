package dev.sppo.perf;

import java.util.Locale;

/**
 * What the generator replicas did, read from their {@code /actuator/prometheus}: the polls of {@code
 * sppo.generation.requests} and the requests they held ({@code sppo_generator_poll_size}), the sampling calls and the
 * requests' prompts they sampled ({@code sppo_generator_batch_size}), and the filler prompts that kept each call's
 * shape ({@code sppo_generator_batch_fillers}). A job's share is the difference of readings before and after it.
 */
record GeneratorPolls(double polls, double requests, double calls, double prompts, double fillers) {

    static final GeneratorPolls NONE = new GeneratorPolls(0, 0, 0, 0, 0);

    static GeneratorPolls of(String prometheusText) {
        return new GeneratorPolls(PrometheusText.sum(prometheusText, "sppo_generator_poll_size", "_count"),
                PrometheusText.sum(prometheusText, "sppo_generator_poll_size", "_sum"),
                PrometheusText.sum(prometheusText, "sppo_generator_batch_size", "_count"),
                PrometheusText.sum(prometheusText, "sppo_generator_batch_size", "_sum"),
                PrometheusText.sum(prometheusText, "sppo_generator_batch_fillers", "_total"));
    }

    GeneratorPolls plus(GeneratorPolls o) {
        return new GeneratorPolls(polls + o.polls, requests + o.requests, calls + o.calls, prompts + o.prompts,
                fillers + o.fillers);
    }

    GeneratorPolls minus(GeneratorPolls o) {
        return new GeneratorPolls(polls - o.polls, requests - o.requests, calls - o.calls, prompts - o.prompts,
                fillers - o.fillers);
    }

    /** Such as "512 requests in 9 polls (56.9 a poll), sampled in 20 calls of which 12 % filler prompts". */
    String describe() {
        return String.format(Locale.ROOT, "%.0f requests in %.0f polls (%.1f a poll), sampled in %.0f calls of which "
                + "%.0f %% filler prompts", requests, polls, polls == 0 ? 0 : requests / polls, calls,
                prompts + fillers == 0 ? 0 : 100 * fillers / (prompts + fillers));
    }
}
