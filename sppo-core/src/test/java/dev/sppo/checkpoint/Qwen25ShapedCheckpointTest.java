package dev.sppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.ModelFamily;
import dev.sppo.model.Policy;
import dev.sppo.sampling.Decoding;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A checkpoint with Qwen2.5-0.5B's exact shapes (random weights) loads and samples. It needs about 2 GB of native
 * memory and 1 GB of disk, and takes 15 s on this machine's two cores (23 s while other builds kept them busy:
 * writing 6 s, loading 8 s, sampling with and without the cache 3 s and 5 s).
 */
class Qwen25ShapedCheckpointTest {

    private static final int NEW_TOKENS = 3;

    @TempDir
    Path dir;

    @Test
    void aRandomModelOfQwen25HalfBillionsShapesLoadsFromShardsAndSamples() throws Exception {
        Qwen25Fixture.write(dir);
        try (NDManager manager = NDManager.newBaseManager(); Policy policy = ModelDirectory.load(dir, manager)) {
            LlamaConfig c = policy.config();
            assertThat(c.family()).isEqualTo(ModelFamily.QWEN2);
            assertThat(List.of(c.numHiddenLayers(), c.hiddenSize(), c.numAttentionHeads(), c.numKeyValueHeads(),
                    c.intermediateSize(), c.vocabSize())).containsExactly(24, 896, 14, 2, 4864, 151936);
            assertThat(policy.model().parameterCount()).isEqualTo(Qwen25Fixture.PARAMETERS);
            String bias = "model.layers.23.self_attn.v_proj.bias";
            assertThat(policy.model().weight(bias).toFloatArray()).containsExactly(Qwen25Fixture.values(bias, 128));

            Sampler sampler = new Sampler(policy.model(), policy.stopIds(), policy.padId());
            List<int[]> prompts = List.of(policy.tokenizer().encodePrompt("hello"),
                    policy.tokenizer().encodePrompt("qwen25"));
            List<Sample> cached = sampler.sample(prompts, SamplingParams.greedy(NEW_TOKENS), Decoding.CACHED);
            List<Sample> uncached = sampler.sample(prompts, SamplingParams.greedy(NEW_TOKENS), Decoding.RECOMPUTE);
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(IntStream.of(cached.get(i).tokenIds()))
                        .allMatch(id -> id >= 0 && id < c.vocabSize());
                assertThat(cached.get(i).tokenIds()).isNotEmpty().containsExactly(uncached.get(i).tokenIds());
                assertThat(cached.get(i).logprob()).isFinite().isNegative();
            }
        }
    }
}
