package dev.sppo.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.contracts.InvalidMessageException;
import dev.sppo.model.Policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class PromptInputTest {

    @TempDir
    Path dir;

    @Test
    void givenIdsAreUsedAsTheyAreAndTextIsEncodedByThePolicysTokenizer() throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Policy policy = ModelDirectory.load(TinyCheckpoint.write(dir.resolve("ckpt"), 1), manager)) {
            assertThat(new PromptInput("ignored", List.of(4, 5, 6)).idsFor(policy)).containsExactly(4, 5, 6);
            assertThat(PromptInput.text("12+30=").idsFor(policy))
                    .isEqualTo(policy.tokenizer().encodePrompt("12+30="));
            int vocabulary = policy.config().vocabSize();
            assertThatThrownBy(() -> new PromptInput("x", List.of(1, vocabulary)).idsFor(policy))
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("promptIds")
                    .hasMessageContaining("outside the policy's vocabulary of " + vocabulary);
        }
    }
}
