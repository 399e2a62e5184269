package dev.sppo.bench;

import ai.djl.ndarray.NDManager;
import dev.sppo.preference.PreferenceKind;
import dev.sppo.preference.learned.EncoderHeadConfig;
import dev.sppo.preference.learned.EncoderHeadModel;
import dev.sppo.preference.onnx.EncoderSource;
import dev.sppo.preference.onnx.OnnxModel;
import dev.sppo.preference.onnx.OnnxPairwiseModel;
import dev.sppo.preference.onnx.OnnxRewardModel;
import dev.sppo.preference.onnx.OnnxRuntimeSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ONNX preference kinds at the size of all-MiniLM-L6-v2 (22.7M parameters, 6 layers, 384 wide), the
 * encoder the class path carries, with a random 64-wide head (the rate does not depend on the weights):
 * <ul>
 *   <li>{@code encoder_head}: MiniLM, then the head on the pooled embedding (the head runs in PyTorch);
 *   <li>{@code onnx_reward}: the same model exported as one graph ({@link EncoderHeadModel#exportOnnx}), a
 *       sequence classifier of MiniLM-L6's size, such as a MiniLM cross-encoder;
 *   <li>{@code onnx_pairwise}: that graph reading {@code prompt [A] y_a [B] y_b}, K(K−1) texts per prompt.
 * </ul>
 */
public final class OnnxScorers implements AutoCloseable {

    private final List<OnnxModel> models = new ArrayList<>();
    private final List<NamedScorer> scorers = new ArrayList<>();

    /** Writes the models under {@code workDir}; the head's weights live in {@code manager}. */
    public OnnxScorers(Path workDir, NDManager manager, OnnxRuntimeSettings settings) throws IOException {
        Path encoder = workDir.resolve("encoder");
        new EncoderSource(EncoderSource.PREFIX + EncoderSource.MINILM).copyTo(encoder);
        EncoderHeadModel head = add(EncoderHeadModel.fresh(encoder, EncoderHeadConfig.withHiddenSize(64), manager, 1,
                PreferenceKind.ENCODER_HEAD.defaultTau(), settings));
        Path reward = workDir.resolve("reward");
        head.exportOnnx(reward);
        Path pairwise = workDir.resolve("pairwise");
        Files.createDirectories(pairwise);
        for (String file : List.of("model.onnx", "tokenizer.json")) {
            Files.copy(reward.resolve(file), pairwise.resolve(file));
        }
        Files.writeString(pairwise.resolve("onnx-judge.json"), "{\"output\": \"logits\"}\n");
        String size = "MiniLM-L6, " + settings.threads() + " thread(s), batch " + settings.batchSize();
        scorers.add(new NamedScorer("encoder_head (" + size + ", 64-wide head)", head));
        scorers.add(new NamedScorer("onnx_reward (" + size + ")", add(OnnxRewardModel.load(reward,
                PreferenceKind.ONNX_REWARD.defaultTau(), settings))));
        scorers.add(new NamedScorer("onnx_pairwise (" + size + ")", add(OnnxPairwiseModel.load(pairwise,
                settings))));
    }

    private <M extends OnnxModel> M add(M model) {
        models.add(model);
        return model;
    }

    public List<NamedScorer> scorers() {
        return List.copyOf(scorers);
    }

    @Override
    public void close() {
        models.forEach(OnnxModel::close);
    }
}
