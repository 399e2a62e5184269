package dev.sppo.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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

    /** Columns the batch can reach: the prompt width plus the most new tokens. */
    int width() {
        return ids[0].length;
    }

    /** Rows of each prompt: its K samples, rows p·K .. p·K + K - 1. */
    int samplesPerPrompt() {
        return samplesPerPrompt;
    }

    /**
     * Token ids of columns [from, length) as a row-major block, of every {@code stride}-th row (stride 1: all
     * rows; stride K: the first sample of each prompt).
     */
    long[] idColumns(int from, int stride) {
        int width = length - from;
        long[] block = new long[rows / stride * width];
        for (int r = 0; r < rows; r += stride) {
            System.arraycopy(ids[r], from, block, r / stride * width, width);
        }
        return block;
    }

    /**
     * Positions of columns [from, to) of every {@code stride}-th row: a token's index among its row's real tokens
     * (0 for padding).
     */
    long[] positionColumns(int from, int to, int stride) {
        int width = to - from;
        long[] block = new long[rows / stride * width];
        for (int r = 0; r < rows; r += stride) {
            for (int t = from; t < to; t++) {
                block[r / stride * width + t - from] = Math.max(0, t - padding[r]);
            }
        }
        return block;
    }

    /** Which keys of every {@code stride}-th row are real tokens so far (padding is not). */
    boolean[][] keyValid(int stride) {
        boolean[][] valid = new boolean[rows / stride][];
        for (int r = 0; r < rows; r += stride) {
            valid[r / stride] = keyValid[r];
        }
        return valid;
    }

    /**
     * Which of the first {@code width} columns a decode step may attend to in each row: the prompt's tokens and
     * every column after the prompt. A finished row's later columns count too; its outputs are never read.
     */
    boolean[][] decodeKeyValid(int width) {
        boolean[][] valid = new boolean[rows][width];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < width; t++) {
                valid[r][t] = t >= promptWidth || keyValid[r][t];
            }
        }
        return valid;
    }

    /** Whether row r has ended at a stop token. */
    boolean finished(int r) {
        return finished[r];
    }

    /** Appends each unfinished row's drawn token and adds its log-prob; finished rows get padding. */
    void append(Draws draws, int padId) {
        for (int r = 0; r < rows; r++) {
            if (finished[r]) {
                ids[r][length] = padId;
                continue;
            }
            int token = draws.tokens()[r];
            double lp = draws.logprobs()[r];
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
