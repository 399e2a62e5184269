package dev.sppo.preference.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.DType;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.checkpoint.SafeTensorsWriter;
import dev.sppo.checkpoint.Tensor;
import dev.sppo.preference.BradleyTerry;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.preference.onnx.EncoderSource;
import dev.sppo.preference.onnx.MiniLm;
import dev.sppo.preference.onnx.OnnxRewardModel;
import dev.sppo.preference.onnx.OnnxRuntimeSettings;
import dev.sppo.preference.onnx.SentenceEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

class EncoderHeadModelTest {

    private static final int H = 8;
    private static final int D = 384;
    private static final String PROMPT = "The film";
    private static final List<String> RESPONSES = List.of("was a delight from start to finish.",
            "was dull and far too long.", "had a plot.");

    @TempDir
    Path dir;

    /** Writes a head on MiniLM with random values everywhere, biases included, and returns them. */
    private Map<String, float[]> writeModel(int hidden) throws Exception {
        new EncoderSource(EncoderSource.PREFIX + MiniLm.dir()).copyTo(dir);
        EncoderHeadConfig.withHiddenSize(H).write(dir);
        SplittableRandom rng = new SplittableRandom(5);
        Map<String, float[]> values = Map.of(EncoderHeadModel.DENSE_WEIGHT, random(rng, hidden * D),
                EncoderHeadModel.DENSE_BIAS, random(rng, hidden), EncoderHeadModel.OUT_WEIGHT, random(rng, hidden),
                EncoderHeadModel.OUT_BIAS, random(rng, 1));
        SafeTensorsWriter.write(dir.resolve(EncoderHeadModel.WEIGHTS_FILE), List.of(
                new Tensor(EncoderHeadModel.DENSE_WEIGHT, new long[] {hidden, D}, values.get(EncoderHeadModel.DENSE_WEIGHT)),
                new Tensor(EncoderHeadModel.DENSE_BIAS, new long[] {hidden}, values.get(EncoderHeadModel.DENSE_BIAS)),
                new Tensor(EncoderHeadModel.OUT_WEIGHT, new long[] {hidden}, values.get(EncoderHeadModel.OUT_WEIGHT)),
                new Tensor(EncoderHeadModel.OUT_BIAS, new long[] {1}, values.get(EncoderHeadModel.OUT_BIAS))),
                Map.of(), DType.F32);
        return values;
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian() * 0.3f;
        }
        return v;
    }

    /** r = w · tanh(W e + b) + c, in doubles, on the encoder's pooled output. */
    private static double plainHead(Map<String, float[]> head, float[] e) {
        float[] w1 = head.get(EncoderHeadModel.DENSE_WEIGHT);
        double r = head.get(EncoderHeadModel.OUT_BIAS)[0];
        for (int h = 0; h < H; h++) {
            double z = head.get(EncoderHeadModel.DENSE_BIAS)[h];
            for (int d = 0; d < D; d++) {
                z += (double) w1[h * D + d] * e[d];
            }
            r += head.get(EncoderHeadModel.OUT_WEIGHT)[h] * Math.tanh(z);
        }
        return r;
    }

    @Test
    void rewardEqualsTheHeadAppliedInPlainJavaToTheEncodersPooledOutput() throws Exception {
        Map<String, float[]> head = writeModel(H);
        float[][] pooled;
        try (SentenceEncoder encoder = SentenceEncoder.load(dir, EncoderHeadConfig.DEFAULT_MAX_LENGTH,
                OnnxRuntimeSettings.DEFAULTS)) {
            pooled = encoder.embed(RESPONSES.stream().map(y -> PROMPT + " " + y).toList());
        }
        try (NDManager manager = NDManager.newBaseManager();
                EncoderHeadModel model = EncoderHeadModel.load(dir, manager, 0.5, OnnxRuntimeSettings.DEFAULTS)) {
            double[] r = model.rewards(PROMPT, RESPONSES);
            double[] expected = new double[RESPONSES.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = plainHead(head, pooled[i]);
                assertThat(r[i]).as("r_" + i).isCloseTo(expected[i], within(1e-5));
            }
            try (NDManager scope = manager.newSubManager()) {
                float[] trained = model.rewards(scope, pooled).toFloatArray();
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) trained[i]).as("the training forward's r_" + i)
                            .isCloseTo(expected[i], within(1e-5));
                }
            }
            PreferenceResult result = model.compare(PROMPT, RESPONSES);
            double[][] p = BradleyTerry.fromRewards(expected, 0.5).p();
            for (int i = 0; i < p.length; i++) {
                assertThat(result.matrix().p()[i]).containsExactly(p[i], within(1e-5));
            }
        }
    }

    @Test
    void aSavedModelLoadsWithTheSameRewards() throws Exception {
        writeModel(H);
        Path copy = dir.resolve("copy");
        try (NDManager manager = NDManager.newBaseManager();
                EncoderHeadModel model = EncoderHeadModel.load(dir, manager, 1.0, OnnxRuntimeSettings.DEFAULTS)) {
            double[] r = model.rewards(PROMPT, RESPONSES);
            model.save(copy);
            try (EncoderHeadModel loaded = EncoderHeadModel.load(copy, manager, 1.0, OnnxRuntimeSettings.DEFAULTS)) {
                assertThat(loaded.rewards(PROMPT, RESPONSES)).containsExactly(r);
                assertThat(loaded.parameterCount()).isEqualTo((long) H * D + H + H + 1);
            }
        }
    }

    @Test
    void theExportedGraphServedAsOnnxRewardGivesTheSameRewards() throws Exception {
        writeModel(H);
        Path export = dir.resolve("export");
        try (NDManager manager = NDManager.newBaseManager();
                EncoderHeadModel model = EncoderHeadModel.load(dir, manager, 1.0, OnnxRuntimeSettings.DEFAULTS)) {
            model.exportOnnx(export);
            try (OnnxRewardModel exported = OnnxRewardModel.load(export, 1.0, new OnnxRuntimeSettings(1, 2))) {
                assertThat(exported.rewards(PROMPT, RESPONSES)).containsExactly(model.rewards(PROMPT, RESPONSES),
                        within(1e-5));
            }
        }
    }

    @Test
    void aHeadOfAnotherWidthThanTheConfigIsRefusedNamingTheTensor() throws Exception {
        writeModel(H + 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> EncoderHeadModel.load(dir, manager, 1.0, OnnxRuntimeSettings.DEFAULTS))
                    .isInstanceOf(MalformedCheckpointException.class)
                    .hasMessageContaining(EncoderHeadModel.DENSE_WEIGHT).hasMessageContaining("[9, 384]");
        }
    }
}
