package dev.sppo.bench;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaConfig;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.learned.PairwiseRanker;
import dev.sppo.preference.learned.RankerConfig;
import dev.sppo.preference.learned.RewardModel;
import dev.sppo.preference.learned.RewardModelConfig;
import dev.sppo.tokenizer.CharTokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times batched preference scoring of K = {@value #K} responses per prompt by the two learned preference models,
 * each with the benchmark model as backbone (random weights): the pairwise ranker (K(K-1) ordered pairs in one
 * forward per prompt) and the reward model (K rows per prompt); and by an LLM judge against a chat server on
 * loopback ({@link LoopbackJudge}: K(K-1) HTTP exchanges per prompt). Prompts and responses are random texts of
 * {@code promptLength} and {@code newTokens} characters. Like {@link PairsThroughput}, the rate counts each unordered
 * pair of a K×K matrix once (P[j][i] = 1 - P[i][j] comes with it):
 *
 * <pre>
 *   pairs/s = prompts · K(K-1)/2 / wall time of compare() over all prompts
 * </pre>
 */
public final class PreferenceThroughput implements AutoCloseable {

    /** Responses per prompt, SPPO's K. */
    public static final int K = 5;

    /**
     * One timed pass of the LLM judge.
     *
     * @param pairsPerSecond unordered pairs per second
     * @param exchangeMillis the mean time of one of its HTTP exchanges (see {@link LoopbackJudge#exchangeMillis})
     */
    public record JudgePass(double pairsPerSecond, double exchangeMillis) {}

    private final PairwiseRanker ranker;
    private final RewardModel reward;
    private final LoopbackJudge llmJudge = LoopbackJudge.start();
    private final List<String> prompts = new ArrayList<>();
    private final List<List<String>> responses = new ArrayList<>();

    public PreferenceThroughput(BenchConfig config, NDManager manager) {
        LlamaConfig model = config.model();
        // 4 special tokens + the alphabet + the ranker's 2 markers fill the benchmark model's vocabulary
        CharTokenizer tokenizer = new CharTokenizer(alphabet(model.vocabSize() - 6));
        int v = tokenizer.vocabSize();
        this.ranker = PairwiseRanker.random(new RankerConfig(model.withVocabSize(v + 2), v, v + 1), tokenizer,
                manager, config.seed());
        this.reward = RewardModel.random(new RewardModelConfig(model.withVocabSize(v), tokenizer.padId()),
                tokenizer, manager, config.seed(), PreferenceKind.REWARD_MODEL.defaultTau());
        SplittableRandom rng = new SplittableRandom(config.seed() + 2);
        String alphabet = tokenizer.alphabet();
        for (int p = 0; p < config.samplePrompts(); p++) {
            prompts.add(text(rng, alphabet, config.promptLength()));
            List<String> k = new ArrayList<>(K);
            for (int i = 0; i < K; i++) {
                k.add(text(rng, alphabet, config.newTokens()));
            }
            responses.add(k);
        }
    }

    /** One untimed prompt through each model. */
    public void warmUp() {
        ranker.compare(prompts.get(0), responses.get(0));
        reward.compare(prompts.get(0), responses.get(0));
        llmJudge.compare(prompts.get(0), responses.get(0));
    }

    /** Unordered pairs per second of the pairwise ranker. */
    public double rankerPairsPerSecond() {
        return pairsPerSecond(ranker);
    }

    /** Unordered pairs per second of the reward model. */
    public double rewardPairsPerSecond() {
        return pairsPerSecond(reward);
    }

    /** A pass of the LLM judge against the loopback server. */
    public JudgePass llmJudgePass() {
        long exchanges = llmJudge.exchanges();
        double millis = llmJudge.exchangeMillis();
        double rate = pairsPerSecond(llmJudge);
        return new JudgePass(rate, (llmJudge.exchangeMillis() - millis) / (llmJudge.exchanges() - exchanges));
    }

    @Override
    public void close() {
        ranker.close();
        reward.close();
        llmJudge.close();
    }

    private double pairsPerSecond(PreferenceModel model) {
        long start = System.nanoTime();
        for (int p = 0; p < prompts.size(); p++) {
            model.compare(prompts.get(p), responses.get(p));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return prompts.size() * (double) (K * (K - 1) / 2) / seconds;
    }

    /** {@code size} distinct characters from U+0100 on, one UTF-16 unit each. */
    private static String alphabet(int size) {
        StringBuilder s = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            s.append((char) (0x100 + i));
        }
        return s.toString();
    }

    private static String text(SplittableRandom rng, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
