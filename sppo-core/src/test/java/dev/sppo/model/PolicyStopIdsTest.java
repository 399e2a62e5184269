package dev.sppo.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.sppo.chat.ChatFixtures;
import dev.sppo.tokenizer.CharTokenizer;
import dev.sppo.tokenizer.Tokenizers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStopIdsTest {

    @TempDir
    Path tmp;

    @Test
    void aChatModelStopsOnTheConfigsEosAndTheTokenizersEndOfTurnAndGenerationEosIds() throws Exception {
        // config.json eos_token_id 261; tokenizer EOS <|eot_id|> 260; generation_config.json eos_token_id [257, 260]
        try (NDManager manager = NDManager.newBaseManager();
                Policy policy = new Policy(Llama.random(LlamaConfig.builder().vocabSize(264).hiddenSize(8)
                        .numHiddenLayers(1).numAttentionHeads(2).bosTokenId(256).eosTokenIds(List.of(261)).build(),
                        manager, 0),
                        Tokenizers.load(ChatFixtures.tokenizerDir(tmp, ChatFixtures.LLAMA3)))) {
            assertThat(policy.stopIds()).containsExactly(261, 260, 257);
        }
    }

    @Test
    void aModelWithASingleEosStopsOnItAlone() throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Policy policy = new Policy(Llama.random(LlamaConfig.builder().vocabSize(8).hiddenSize(8)
                        .numHiddenLayers(1).numAttentionHeads(2).bosTokenId(1)
                        .eosTokenIds(List.of(CharTokenizer.EOS_ID)).build(), manager, 0), new CharTokenizer("ab"))) {
            assertThat(policy.stopIds()).containsExactly(CharTokenizer.EOS_ID);
        }
    }
}
