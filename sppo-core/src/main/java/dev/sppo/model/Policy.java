package dev.sppo.model;

import dev.sppo.tokenizer.TextTokenizer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A language model together with its tokenizer: what a checkpoint directory holds and what the sampler, the
 * scorer and the trainer work on.
 */
public record Policy(Llama model, TextTokenizer tokenizer) implements AutoCloseable {

    public LlamaConfig config() {
        return model.config();
    }

    /**
     * Tokens that end a response: the config's {@code eos_token_id}(s) and the tokenizer's {@link
     * TextTokenizer#stopIds() stop ids} (its EOS and {@code generation_config.json}'s {@code eos_token_id}s).
     */
    public List<Integer> stopIds() {
        Set<Integer> ids = new LinkedHashSet<>(config().eosTokenIds());
        ids.addAll(tokenizer.stopIds());
        return List.copyOf(ids);
    }

    public int padId() {
        return tokenizer.padId() >= 0 ? tokenizer.padId() : Math.max(0, config().eosTokenId());
    }

    @Override
    public void close() throws Exception {
        model.close();
        tokenizer.close();
    }
}
