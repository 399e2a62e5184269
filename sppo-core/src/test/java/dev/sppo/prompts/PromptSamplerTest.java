package dev.sppo.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

class PromptSamplerTest {

    private static final List<PromptRecord> TRAIN = IntStream.range(0, 10)
            .mapToObj(i -> new PromptRecord("p" + i, new PlainPrompt("prompt " + i), Map.of()))
            .collect(Collectors.toList());

    @Test
    void everyEpochServesEachPromptOnceBeforeAnyRepeats() {
        PromptSampler sampler = new PromptSampler(TRAIN, 5, 42);

        List<String> epoch0 = ids(sampler.batch(0), sampler.batch(1));
        List<String> epoch1 = ids(sampler.batch(2), sampler.batch(3));

        assertThat(epoch0).doesNotHaveDuplicates().hasSize(10);
        assertThat(epoch1).doesNotHaveDuplicates().hasSize(10);
        assertThat(epoch1).as("reshuffled").isNotEqualTo(epoch0);
    }

    @Test
    void aBatchAcrossAnEpochBoundaryNeverRepeatsAPromptAndTheNextEpochStillServesAll() {
        PromptSampler sampler = new PromptSampler(TRAIN, 7, 5);
        List<String> served = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            List<String> batch = ids(sampler.batch(t));
            assertThat(batch).as("batch " + t).doesNotHaveDuplicates().hasSize(7);
            served.addAll(batch);
        }
        for (int epoch = 0; epoch < 20; epoch++) {
            assertThat(new HashSet<>(served.subList(10 * epoch, 10 * epoch + 10)))
                    .as("epoch " + epoch).hasSize(10);
        }
    }

    @Test
    void batchesDependOnTheIdsNotTheOrderOfTheFile() {
        List<PromptRecord> shuffled = new ArrayList<>(TRAIN);
        Collections.shuffle(shuffled, new Random(9));
        PromptSampler a = new PromptSampler(TRAIN, 3, 11);
        PromptSampler b = new PromptSampler(shuffled, 3, 11);

        for (int t = 0; t < 8; t++) {
            assertThat(b.batch(t)).isEqualTo(a.batch(t));
        }
        assertThat(new PromptSampler(TRAIN, 3, 12).batch(0)).isNotEqualTo(a.batch(0));
    }

    @Test
    void theFirstEpochIsTheDocumentedShuffleOfTheIdSortedPrompts() {
        List<PromptRecord> expected = new ArrayList<>(TRAIN);
        expected.sort((x, y) -> x.id().compareTo(y.id()));
        Collections.shuffle(expected, new Random(42 * 0x9E3779B97F4A7C15L));

        PromptSampler sampler = new PromptSampler(TRAIN, 10, 42);

        assertThat(sampler.batch(0)).isEqualTo(expected);
    }

    @Test
    void aBatchLargerThanTheTrainSplitIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new PromptSampler(TRAIN, 11, 0))
                .hasMessage("prompts_per_iteration: must be in [1, 10] (the train prompts), got 11");
    }

    @Test
    void batchIsAPureFunctionOfTheIteration() {
        PromptSampler sampler = new PromptSampler(TRAIN, 4, 1);
        List<PromptRecord> third = sampler.batch(3);
        Set<List<PromptRecord>> again = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            again.add(new PromptSampler(TRAIN, 4, 1).batch(3));
        }
        assertThat(again).containsExactly(third);
    }

    @SafeVarargs
    private static List<String> ids(List<PromptRecord>... batches) {
        List<String> ids = new ArrayList<>();
        for (List<PromptRecord> batch : batches) {
            batch.forEach(p -> ids.add(p.id()));
        }
        return ids;
    }
}
