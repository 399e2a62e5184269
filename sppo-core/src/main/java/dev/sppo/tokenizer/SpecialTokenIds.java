package dev.sppo.tokenizer;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of a tokenizer's special tokens, -1 where it has none.
 *
 * @param bos beginning of sequence
 * @param eos end of sequence
 * @param pad padding: the padding token's id; without one, {@code generation_config.json}'s {@code pad_token_id};
 *     without that, the EOS id
 * @param addBos whether prompts start with {@code bos}
 * @param stop the ids that end a response: the EOS id, then {@code generation_config.json}'s {@code eos_token_id}s,
 *     each once
 */
record SpecialTokenIds(int bos, int eos, int pad, boolean addBos, List<Integer> stop) {

    SpecialTokenIds {
        if (addBos && bos < 0) {
            throw new IllegalArgumentException("addBos needs a BOS id, got " + bos);
        }
        stop = List.copyOf(stop);
    }

    /**
     * Looks up the configured special tokens, with {@code addBos} false until {@link #withAddBos} sets it.
     *
     * @param config the tokenizer configuration naming the tokens
     * @param generation the generation configuration naming the stop ids and padding id
     * @param vocabulary the vocabulary that must hold them
     * @param dir the model directory, for error messages
     * @throws MalformedTokenizerException if the vocabulary lacks a configured token or id, or {@code add_bos_token}
     *     is true without a {@code bos_token}
     */
    static SpecialTokenIds of(
            TokenizerConfig config, GenerationConfig generation, TokenizerVocabulary vocabulary, Path dir) {
        Path tokensFile = dir.resolve(config.specialTokensFile());
        SpecialTokens tokens = config.specialTokens();
        int bos = idOf(tokens.bos(), "bos_token", vocabulary, tokensFile);
        int eos = idOf(tokens.eos(), "eos_token", vocabulary, tokensFile);
        Path generationFile = dir.resolve(GenerationConfig.FILE_NAME);
        int pad = tokens.pad() != null
                ? idOf(tokens.pad(), "pad_token", vocabulary, tokensFile)
                : generation.padTokenId() != null
                        ? checked(generation.padTokenId(), "pad_token_id", vocabulary, generationFile)
                        : eos;
        if (Boolean.TRUE.equals(config.addBosToken()) && bos < 0) {
            throw new MalformedTokenizerException(
                    dir.resolve(TokenizerConfig.FILE_NAME), "add_bos_token is true but bos_token is not set");
        }
        Set<Integer> stop = new LinkedHashSet<>();
        if (eos >= 0) {
            stop.add(eos);
        }
        for (int id : generation.eosTokenIds()) {
            stop.add(checked(id, "eos_token_id", vocabulary, generationFile));
        }
        return new SpecialTokenIds(bos, eos, pad, false, List.copyOf(stop));
    }

    private static int idOf(String token, String field, TokenizerVocabulary vocabulary, Path file) {
        if (token == null) {
            return -1;
        }
        return vocabulary
                .idOf(token)
                .orElseThrow(() -> new MalformedTokenizerException(
                        file, field + " '" + token + "' is not in " + TokenizerVocabulary.FILE_NAME));
    }

    private static int checked(int id, String field, TokenizerVocabulary vocabulary, Path file) {
        if (id >= vocabulary.size()) {
            throw new MalformedTokenizerException(file, field + " " + id + " is outside the vocabulary [0, "
                    + vocabulary.size() + ") of " + TokenizerVocabulary.FILE_NAME);
        }
        return id;
    }

    /** @return these ids, with prompts starting with BOS when {@code addBos} and a BOS id exists */
    SpecialTokenIds withAddBos(boolean addBos) {
        return new SpecialTokenIds(bos, eos, pad, addBos && bos >= 0, stop);
    }
}
