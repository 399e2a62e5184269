package dev.sppo.tokenizer;

import java.nio.file.Path;

/**
 * The ids of a tokenizer's special tokens, -1 where it has none.
 *
 * @param bos beginning of sequence
 * @param eos end of sequence
 * @param pad padding; the EOS id when no padding token is configured
 * @param addBos whether prompts start with {@code bos}
 */
record SpecialTokenIds(int bos, int eos, int pad, boolean addBos) {

    SpecialTokenIds {
        if (addBos && bos < 0) {
            throw new IllegalArgumentException("addBos needs a BOS id, got " + bos);
        }
    }

    /**
     * Looks up the configured special tokens, with {@code addBos} false until {@link #withAddBos} sets it.
     *
     * @param config the tokenizer configuration naming the tokens
     * @param vocabulary the vocabulary that must hold them
     * @param configFile the configuration's file, for error messages
     * @throws MalformedTokenizerException if the vocabulary lacks a configured token, or {@code add_bos_token} is
     *     true without a {@code bos_token}
     */
    static SpecialTokenIds of(TokenizerConfig config, TokenizerVocabulary vocabulary, Path configFile) {
        int bos = idOf(config.bosToken(), "bos_token", vocabulary, configFile);
        int eos = idOf(config.eosToken(), "eos_token", vocabulary, configFile);
        int pad = config.padToken() == null ? eos : idOf(config.padToken(), "pad_token", vocabulary, configFile);
        if (Boolean.TRUE.equals(config.addBosToken()) && bos < 0) {
            throw new MalformedTokenizerException(configFile, "add_bos_token is true but bos_token is not set");
        }
        return new SpecialTokenIds(bos, eos, pad, false);
    }

    private static int idOf(String token, String field, TokenizerVocabulary vocabulary, Path configFile) {
        if (token == null) {
            return -1;
        }
        return vocabulary
                .idOf(token)
                .orElseThrow(() -> new MalformedTokenizerException(
                        configFile, field + " '" + token + "' is not in " + TokenizerVocabulary.FILE_NAME));
    }

    /** @return these ids, with prompts starting with BOS when {@code addBos} and a BOS id exists */
    SpecialTokenIds withAddBos(boolean addBos) {
        return new SpecialTokenIds(bos, eos, pad, addBos && bos >= 0);
    }
}
