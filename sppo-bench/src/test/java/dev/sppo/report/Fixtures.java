package dev.sppo.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A hand-written {@code metrics.jsonl} in the shape Gson gives {@code IterationResult} (the README's run). */
final class Fixtures {

    static final String BASE = "{\"iteration\":0,\"winnerWinRate\":NaN,\"loserWinRate\":NaN,\"taskScore\":0.534,"
            + "\"exactMatch\":0.294,\"meanResponseLength\":3.1,\"checkpoint\":\"/cache/base\","
            + "\"phaseSeconds\":{\"generate\":0.0,\"prefer\":0.0,\"train\":0.0,\"evaluate\":11.3}}";

    static final String FIRST = trained(1, 1.6621, 0.3418, 0.7713, 0.2025, winRate(0.624, 0.608, 0.639),
            winRate(0.624, 0.608, 0.639), 0.677, 0.448, seconds(3.0, 1.0, 4.5, 0.5));

    static final String SECOND = trained(2, 1.7374, 0.2893, 0.7141, 0.215, winRate(0.672, 0.655, 0.689),
            winRate(0.555, 0.541, 0.568), 0.732, 0.528, seconds(13.0, 2.0, 8.0, 1.0));

    private Fixtures() {}

    /**
     * The line of a trained iteration t of a task run evaluated by its gold judge (the training members the report
     * does not read are fixed); {@code kl} is KL(π_t ‖ π_{t-1}).
     */
    static String trained(int t, double loss, double kl, double winner, double loser, String vsBase,
            String vsPrevious, double taskScore, double exactMatch, String phaseSeconds) {
        return "{\"iteration\":" + t + ",\"training\":{\"steps\":192,\"loss\":" + loss
                + ",\"meanLogRatioChosen\":0.5,\"meanLogRatioRejected\":-0.8,\"rewardAccuracy\":0.8"
                + ",\"gradNorm\":1.1,\"tokensPerSecond\":5000.0},\"winnerWinRate\":" + winner
                + ",\"loserWinRate\":" + loser + ",\"vsBase\":" + vsBase + ",\"vsPrevious\":" + vsPrevious
                + ",\"taskScore\":" + taskScore + ",\"exactMatch\":" + exactMatch
                + ",\"meanResponseLength\":3.0,\"kl\":" + kl + ",\"checkpoint\":\"runs/x/iter-" + t
                + "\",\"phaseSeconds\":" + phaseSeconds + "}";
    }

    static String seconds(double generate, double prefer, double train, double evaluate) {
        return "{\"generate\":" + generate + ",\"prefer\":" + prefer + ",\"train\":" + train + ",\"evaluate\":"
                + evaluate + "}";
    }

    static String winRate(double rate, double lower, double upper) {
        return "{\"rate\":" + rate + ",\"lower\":" + lower + ",\"upper\":" + upper
                + ",\"wins\":600,\"ties\":48,\"losses\":352}";
    }

    /** A run directory under {@code parent} whose metrics.jsonl holds {@code lines}. */
    static Path runDir(Path parent, List<String> lines) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("run"));
        Files.write(dir.resolve(MetricsFile.NAME), lines);
        return dir;
    }
}
