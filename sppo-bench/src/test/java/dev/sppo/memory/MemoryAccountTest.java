package dev.sppo.memory;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.sppo.model.Llama;
import dev.sppo.model.LlamaConfig;
import dev.sppo.model.LlamaWeights;
import dev.sppo.model.LoraAdapter;
import dev.sppo.model.LoraConfig;
import dev.sppo.model.LoraTargets;
import dev.sppo.model.WeightPrecision;
import dev.sppo.model.WeightSource;

import java.util.List;

import org.junit.jupiter.api.Test;

class MemoryAccountTest {

    /** Vocabulary 20, D 8, SwiGLU 16, one layer of 2 heads (no GQA), tied embeddings. */
    private static final LlamaConfig CONFIG = LlamaConfig.builder().vocabSize(20).hiddenSize(8).intermediateSize(16)
            .numHiddenLayers(1).numAttentionHeads(2).tieWordEmbeddings(true).build();
    /** embed 20·8, q/k/v/o 4·8·8, gate/up/down 3·16·8, three norms of 8. */
    private static final long PARAMETERS = 160 + 256 + 384 + 24;

    @Test
    void fullTrainingHoldsFloat32WeightsGradientsAndTwoMoments() {
        try (NDManager manager = NDManager.newBaseManager(); Llama model = Llama.random(CONFIG, manager, 1)) {
            assertThat(MemoryAccount.of(model)).isEqualTo(new MemoryAccount(PARAMETERS, PARAMETERS, 4 * PARAMETERS,
                    4 * PARAMETERS, 8 * PARAMETERS));
        }
    }

    @Test
    void loraOnABfloat16BaseTrainsOnlyTheAdapter() {
        LoraConfig lora = new LoraConfig(2, 4, 0, LoraTargets.named(List.of("q_proj", "down_proj")), false);
        try (NDManager manager = NDManager.newBaseManager();
                Llama model = new Llama(CONFIG, manager, LlamaWeights.adapted(WeightSource.random(0.02, 1),
                        WeightPrecision.BFLOAT16, LoraAdapter.fresh(lora, 1)))) {
            long adapter = 2 * 8 + 8 * 2 + 2 * 16 + 8 * 2;
            assertThat(MemoryAccount.of(model)).isEqualTo(new MemoryAccount(PARAMETERS + adapter, adapter,
                    2 * PARAMETERS + 4 * adapter, 4 * adapter, 8 * adapter));
        }
    }
}
