package dev.sppo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sppo.model.LlamaConfig;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class DecodeThroughputTest {

    private static final LlamaConfig TOY = LlamaConfig.builder().vocabSize(32).hiddenSize(32).intermediateSize(64)
            .numHiddenLayers(2).numAttentionHeads(4).maxPositionEmbeddings(16).build();

    @Test
    void defaultsAreTheComparisonsShapeAndPositions() {
        DecodeBenchConfig config = DecodeBenchConfig.defaults();
        assertThat(config.batches()).containsExactly(1, 64);
        assertThat(config.fromPosition()).isEqualTo(200);
        assertThat(config.toPosition()).isEqualTo(400);
        assertThat(config.model().intermediateSize()).isEqualTo(688);
        assertThat(config.model().maxPositionEmbeddings()).isEqualTo(512);
    }

    @Test
    void positionsBeyondTheModelAndEmptyBatchesAreRefusedByName() {
        assertThatThrownBy(() -> new DecodeBenchConfig(TOY, List.of(1), 8, 17, 1, 1L))
                .hasMessageContaining("toPosition (17)").hasMessageContaining("max_position_embeddings (16)");
        assertThatThrownBy(() -> DecodeBenchConfig.defaults().withBatches(List.of()))
                .hasMessageContaining("batches");
        assertThatThrownBy(() -> DecodeBenchConfig.defaults().withRounds(0)).hasMessageContaining("rounds");
    }

    @Test
    void reportsARowPerBatchSizeAndALineOfProgressEach() {
        List<String> progress = new ArrayList<>();
        String table = new DecodeThroughput(new DecodeBenchConfig(TOY, List.of(1, 3), 4, 12, 2, 7L), progress::add)
                .run();

        assertThat(table).contains("positions 4 to 12").contains("| 1 |").contains("| 3 |");
        assertThat(progress).hasSize(2).allMatch(line -> line.contains("tokens/s (wall)"));
    }
}
