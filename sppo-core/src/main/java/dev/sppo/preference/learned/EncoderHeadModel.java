package dev.sppo.preference.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.sppo.checkpoint.DType;
import dev.sppo.checkpoint.MalformedCheckpointException;
import dev.sppo.checkpoint.SafeTensorsFile;
import dev.sppo.checkpoint.SafeTensorsWriter;
import dev.sppo.checkpoint.Tensor;
import dev.sppo.model.LlamaLayout;
import dev.sppo.model.WeightSource;
import dev.sppo.preference.BradleyTerry;
import dev.sppo.preference.PreferenceModel;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.preference.TrainableModel;
import dev.sppo.preference.onnx.EncoderSource;
import dev.sppo.preference.onnx.OnnxJudgeConfig;
import dev.sppo.preference.onnx.OnnxModel;
import dev.sppo.preference.onnx.OnnxRuntimeSettings;
import dev.sppo.preference.onnx.RewardHeadGraph;
import dev.sppo.preference.onnx.SentenceEncoder;
import dev.sppo.preference.onnx.TextTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code encoder_head}: a frozen ONNX sentence encoder ({@link SentenceEncoder}, such as all-MiniLM-L6-v2) with a
 * small reward head trained here, read as Bradley-Terry:
 *
 * <pre>
 *   e(x, y)  = encoder(template(x, y))                              (D,), L2-normalised, frozen
 *   r(x, y)  = w · tanh(W e + b) + c                                W (H, D), b (H,), w (H,), c scalar
 *   P[i][j]  = sigmoid((r_i − r_j) / tau)                           see {@link BradleyTerry#fromRewards}
 * </pre>
 *
 * Its directory holds the encoder ({@code model.onnx}, {@code tokenizer.json}), {@value EncoderHeadConfig#FILE_NAME}
 * and the head's tensors in {@value #WEIGHTS_FILE} ({@code head.dense.weight}, {@code head.dense.bias}, {@code
 * head.out.weight}, {@code head.out.bias}). Only the head is trained: {@link #parameters()} are its four tensors.
 */
public final class EncoderHeadModel implements OnnxModel, TrainableModel {

    public static final String WEIGHTS_FILE = "head.safetensors";
    static final String DENSE_WEIGHT = "head.dense.weight";
    static final String DENSE_BIAS = "head.dense.bias";
    static final String OUT_WEIGHT = "head.out.weight";
    static final String OUT_BIAS = "head.out.bias";
    private static final List<String> NAMES = List.of(DENSE_WEIGHT, DENSE_BIAS, OUT_WEIGHT, OUT_BIAS);

    private final Path encoderDir;
    private final SentenceEncoder encoder;
    private final EncoderHeadConfig config;
    private final NDManager manager;
    private final Map<String, Parameter> head;
    private final double tau;

    private EncoderHeadModel(Path encoderDir, SentenceEncoder encoder, EncoderHeadConfig config, NDManager manager,
            Map<String, Parameter> head, double tau) {
        this.encoderDir = encoderDir;
        this.encoder = encoder;
        this.config = config;
        this.manager = manager;
        this.head = head;
        this.tau = tau;
    }

    /**
     * A fresh head on the encoder in {@code encoderDir} (see {@link EncoderSource#copyTo}): W and w ~ N(0, 1/D),
     * b and c zero, seeded.
     */
    public static EncoderHeadModel fresh(Path encoderDir, EncoderHeadConfig config, NDManager parent, long seed,
            double tau, OnnxRuntimeSettings settings) throws IOException {
        SentenceEncoder encoder = SentenceEncoder.load(encoderDir, config.maxLength(), settings);
        int d = encoder.dimension();
        return create(encoderDir, encoder, config, parent, tau,
                WeightSource.random(1 / Math.sqrt(d), seed), d);
    }

    /** Loads the model {@link #save} wrote; its head lives in a sub-manager of {@code parent}. */
    public static EncoderHeadModel load(Path dir, NDManager parent, double tau, OnnxRuntimeSettings settings)
            throws IOException {
        EncoderHeadConfig config = EncoderHeadConfig.read(dir);
        SentenceEncoder encoder = SentenceEncoder.load(dir, config.maxLength(), settings);
        try (SafeTensorsFile weights = SafeTensorsFile.open(dir.resolve(WEIGHTS_FILE))) {
            checkShapes(weights, specs(config, encoder.dimension()));
            return create(dir, encoder, config, parent, tau, spec -> weights.readFloats(spec.name()),
                    encoder.dimension());
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private static void checkShapes(SafeTensorsFile weights, List<LlamaLayout.TensorSpec> specs) {
        for (LlamaLayout.TensorSpec spec : specs) {
            if (!weights.names().contains(spec.name())) {
                throw new MalformedCheckpointException(weights.file(), spec.name(), "missing");
            }
            if (!Arrays.equals(weights.shape(spec.name()), spec.shape())) {
                throw new MalformedCheckpointException(weights.file(), spec.name(), "has shape "
                        + Arrays.toString(weights.shape(spec.name())) + ", expected " + Arrays.toString(spec.shape())
                        + " for " + EncoderHeadConfig.FILE_NAME + " and the encoder's embedding size");
            }
        }
    }

    private static EncoderHeadModel create(Path encoderDir, SentenceEncoder encoder, EncoderHeadConfig config,
            NDManager parent, double tau, WeightSource weights, int d) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            encoder.close();
            throw new IllegalArgumentException("temperature tau must be positive and finite, got " + tau);
        }
        NDManager owner = parent.newSubManager();
        return new EncoderHeadModel(encoderDir, encoder, config, owner,
                HeadParameters.create(owner, specs(config, d), weights), tau);
    }

    private static List<LlamaLayout.TensorSpec> specs(EncoderHeadConfig config, int d) {
        long h = config.hiddenSize();
        return List.of(new LlamaLayout.TensorSpec(DENSE_WEIGHT, new long[] {h, d}, LlamaLayout.Init.NORMAL),
                new LlamaLayout.TensorSpec(DENSE_BIAS, new long[] {h}, LlamaLayout.Init.ZEROS),
                new LlamaLayout.TensorSpec(OUT_WEIGHT, new long[] {h}, LlamaLayout.Init.NORMAL),
                new LlamaLayout.TensorSpec(OUT_BIAS, new long[] {1}, LlamaLayout.Init.ZEROS));
    }

    public EncoderHeadConfig config() {
        return config;
    }

    /** The text the encoder reads for (prompt, response). */
    public String text(String prompt, String response) {
        return new TextTemplate(config.template()).fill(Map.of("prompt", prompt, "response", response));
    }

    /** The pooled, normalised embedding of each text. */
    public float[][] embed(List<String> texts) {
        return encoder.embed(texts);
    }

    /** (N,) rewards of (N, D) embeddings in PyTorch, the training forward; differentiable inside a gradient collector. */
    public NDArray rewards(NDManager scope, float[][] embeddings) {
        int d = encoder.dimension();
        float[] flat = new float[embeddings.length * d];
        for (int n = 0; n < embeddings.length; n++) {
            System.arraycopy(embeddings[n], 0, flat, n * d, d);
        }
        NDArray e = scope.create(flat, new Shape(embeddings.length, d));
        NDArray hidden = e.matMul(head.get(DENSE_WEIGHT).getArray().transpose())
                .add(head.get(DENSE_BIAS).getArray()).tanh();
        return hidden.matMul(head.get(OUT_WEIGHT).getArray()).add(head.get(OUT_BIAS).getArray());
    }

    /**
     * r(prompt, y) for each response: the encoder in ONNX Runtime, the head in plain Java on its current values
     * ({@link RewardHeadGraph.Head#reward}), so that scoring never waits on PyTorch's thread pool.
     */
    public double[] rewards(String prompt, List<String> responses) {
        List<String> texts = new ArrayList<>(responses.size());
        responses.forEach(y -> texts.add(text(prompt, y)));
        float[][] embeddings = embed(texts);
        RewardHeadGraph.Head values = headValues();
        double[] out = new double[embeddings.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.reward(embeddings[i]);
        }
        return out;
    }

    @Override
    public PreferenceResult compare(String prompt, List<String> responses) {
        PreferenceModel.requireComparable(responses);
        return PreferenceResult.ofRewards(rewards(prompt, responses), tau);
    }

    @Override
    public List<Parameter> parameters() {
        return NAMES.stream().map(head::get).toList();
    }

    @Override
    public void setTrainable(boolean trainable) {
        head.values().forEach(p -> p.freeze(!trainable));
    }

    /** Writes the encoder's files (unless {@code dir} is where they are), the config and the head, float32. */
    @Override
    public void save(Path dir) throws IOException {
        new EncoderSource(EncoderSource.PREFIX + encoderDir).copyTo(dir);
        config.write(dir);
        List<Tensor> tensors = new ArrayList<>(NAMES.size());
        for (String name : NAMES) {
            tensors.add(new Tensor(name, head.get(name).getArray().getShape().getShape(), values(name)));
        }
        SafeTensorsWriter.write(dir.resolve(WEIGHTS_FILE), tensors, Map.of("format", "pt"), DType.F32);
    }

    /**
     * Writes this model as one {@code onnx_reward} directory: the encoder's graph with the head appended ({@link
     * RewardHeadGraph}), its {@code tokenizer.json}, and an {@code onnx-judge.json} that reads the head's output
     * with this model's template and length. Served as {@code onnx_reward} at the same tau, it gives the same
     * rewards, by ONNX Runtime alone.
     */
    public void exportOnnx(Path dir) throws IOException {
        Files.createDirectories(dir);
        RewardHeadGraph.write(encoderDir.resolve("model.onnx"), headValues(), dir.resolve("model.onnx"));
        Files.copy(encoderDir.resolve("tokenizer.json"), dir.resolve("tokenizer.json"),
                StandardCopyOption.REPLACE_EXISTING);
        JsonObject json = new JsonObject();
        json.addProperty("output", RewardHeadGraph.OUTPUT);
        json.addProperty("template", config.template());
        json.addProperty("max_length", config.maxLength());
        Files.writeString(dir.resolve(OnnxJudgeConfig.FILE_NAME), new GsonBuilder().setPrettyPrinting()
                .disableHtmlEscaping().create().toJson(json) + "\n", StandardCharsets.UTF_8);
    }

    private RewardHeadGraph.Head headValues() {
        return new RewardHeadGraph.Head(values(DENSE_WEIGHT), values(DENSE_BIAS), values(OUT_WEIGHT),
                values(OUT_BIAS)[0]);
    }

    private float[] values(String name) {
        return head.get(name).getArray().toFloatArray();
    }

    @Override
    public void close() {
        encoder.close();
        manager.close();
    }
}
