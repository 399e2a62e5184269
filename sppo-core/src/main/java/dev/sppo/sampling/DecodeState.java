package dev.sppo.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The bookkeeping of one batched generation: R = prompts × K rows, left-padded to a common prompt length so
 * that every row's next token sits in the same column.
 *
 * <pre>
 *   column:   0 .. pad-1 | pad .. P-1 | P .. P+t-1
 *   content:  padding    | prompt     | generated
 *   position: (masked)   | 0 .. n-1   | n .. n+t-1      (n = the row's prompt length)
 * </pre>
 */
final class DecodeState {

    private final int rows;
    private final int samplesPerPrompt;
    private final int promptWidth;
    private final long[][] ids;
    private final boolean[][] keyValid;
    private final int[] padding;
    private final List<List<Integer>> generated = new ArrayList<>();
    private final double[] logprob;
    private final double[] stopLogprob;
    private final int[] stopId;
    private final boolean[] finished;
    private final Set<Integer> stopIds;
    private int length;

    DecodeState(List<int[]> prompts, int samplesPerPrompt, int maxNewTokens, int padId, Set<Integer> stopIds) {
        this.samplesPerPrompt = samplesPerPrompt;
        this.rows = prompts.size() * samplesPerPrompt;
        this.promptWidth = prompts.stream().mapToInt(p -> p.length).max().orElseThrow();
        this.stopIds = stopIds;
        int width = promptWidth + maxNewTokens;
        ids = new long[rows][width];
        keyValid = new boolean[rows][width];
        padding = new int[rows];
        logprob = new double[rows];
        stopLogprob = new double[rows];
        stopId = new int[rows];
        finished = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            int[] prompt = prompts.get(r / samplesPerPrompt);
            padding[r] = promptWidth - prompt.length;
            Arrays.fill(ids[r], padId);
            for (int t = 0; t < prompt.length; t++) {
                ids[r][padding[r] + t] = prompt[t];
                keyValid[r][padding[r] + t] = true;
            }
            generated.add(new ArrayList<>());
            stopId[r] = -1;
        }
        length = promptWidth;
    }

    int rows() {
        return rows;
    }

    int length() {
        return length;
    }

    boolean[][] keyValid() {
        return keyValid;
    }

    /** Token ids of columns [from, length) as a row-major (R, length - from) block. */
    long[] idColumns(int from) {
        long[] block = new long[rows * (length - from)];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(ids[r], from, block, r * (length - from), length - from);
        }
        return block;
    }

    /** Positions of columns [from, length): a token's index among its row's real tokens (0 for padding). */
    long[] positionColumns(int from) {
        long[] block = new long[rows * (length - from)];
        for (int r = 0; r < rows; r++) {
            for (int t = from; t < length; t++) {
                block[r * (length - from) + t - from] = Math.max(0, t - padding[r]);
            }
        }
        return block;
    }

    /** Chooses each unfinished row's next token from its (V) slice of the (R, V) logits and appends it. */
    void advance(float[] logits, int vocab, TokenChooser chooser, SplittableRandom[] rngs, int padId) {
        for (int r = 0; r < rows; r++) {
            if (finished[r]) {
                ids[r][length] = padId;
                continue;
            }
            int token = chooser.choose(logits, r * vocab, vocab, rngs[r]);
            double lp = TokenChooser.logProb(logits, r * vocab, vocab, token);
            ids[r][length] = token;
            keyValid[r][length] = true;
            if (stopIds.contains(token)) {
                finished[r] = true;
                stopLogprob[r] = lp;
                stopId[r] = token;
            } else {
                generated.get(r).add(token);
                logprob[r] += lp;
            }
        }
        length++;
    }

    boolean allFinished() {
        for (boolean f : finished) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    List<Sample> samples() {
        List<Sample> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            int[] tokens = generated.get(r).stream().mapToInt(Integer::intValue).toArray();
            out.add(new Sample(r / samplesPerPrompt, r % samplesPerPrompt, tokens, logprob[r], stopLogprob[r],
                    finished[r], stopId[r]));
        }
        return out;
    }
}
