package dev.sppo.tokenizer;

import ai.djl.engine.EngineException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Hugging Face tokenizer read from a local {@code tokenizer.json} (BPE with byte fallback as in LLaMA-2,
 * byte-level BPE as in Llama-3 and SmolLM2, or any other model the tokenizers library supports), with the special
 * tokens and chat templates named by the optional {@code tokenizer_config.json} (see {@link TokenizerConfig} for
 * {@code special_tokens_map.json} and {@code chat_template.jinja}) and the stop ids of the optional {@code
 * generation_config.json}.
 *
 * <ul>
 *   <li>BOS, EOS and padding ids are those of {@code bos_token}, {@code eos_token} and {@code pad_token}; without a
 *       {@code pad_token}, padding uses {@code generation_config.json}'s {@code pad_token_id}, else the EOS id.
 *   <li>{@link #stopIds} are the EOS id and {@code generation_config.json}'s {@code eos_token_id}s.
 *   <li>{@link #encodePrompt} puts the BOS id first when {@code add_bos_token} is true; when the config does not
 *       say, it does so exactly when the file's post-processor puts the BOS token first (Llama-3's template does;
 *       a plain byte-level post-processor, as in SmolLM2, does not). It never appends EOS: a prompt is continued,
 *       not ended.
 *   <li>Truncation and padding are off, whatever {@code tokenizer.json} asks for; decoding skips special tokens.
 * </ul>
 *
 * <p>Nothing is downloaded and no network is touched: the file is read from disk and DJL's usage reporting is
 * switched off (system property {@code OPT_OUT_TRACKING=true}) before the native tokenizer is created.
 */
public final class HfTokenizer implements TextTokenizer {

    private static final List<String> OPTIONAL_FILES = List.of(TokenizerConfig.SPECIAL_TOKENS_MAP_FILE_NAME,
            ChatTemplateSource.JINJA_FILE_NAME, GenerationConfig.FILE_NAME);

    private final HuggingFaceTokenizer tokenizer;
    private final Path sourceDir;
    private final TokenizerConfig config;
    private final SpecialTokenIds special;
    private final int vocabSize;

    private HfTokenizer(
            HuggingFaceTokenizer tokenizer, Path sourceDir, TokenizerConfig config, SpecialTokenIds special, int size) {
        this.tokenizer = tokenizer;
        this.sourceDir = sourceDir;
        this.config = config;
        this.special = special;
        this.vocabSize = size;
    }

    /**
     * @param dir a directory holding {@code tokenizer.json} and, optionally, {@code tokenizer_config.json}
     * @return the tokenizer; close it to free the native tokenizer
     * @throws MalformedTokenizerException if a file is malformed or names a special token the vocabulary lacks
     * @throws UncheckedIOException if a file cannot be read
     */
    public static HfTokenizer load(Path dir) {
        return load(dir, TokenizerConfig.readIfPresent(dir));
    }

    static HfTokenizer load(Path dir, TokenizerConfig config) {
        Path file = dir.resolve(TokenizerVocabulary.FILE_NAME);
        TokenizerVocabulary vocabulary = TokenizerVocabulary.read(file);
        SpecialTokenIds ids = SpecialTokenIds.of(config, GenerationConfig.readIfPresent(dir), vocabulary, dir);
        HuggingFaceTokenizer tokenizer = open(file);
        boolean addBos = config.addBosToken() != null ? config.addBosToken() : putsFirst(tokenizer, ids.bos());
        SpecialTokenIds special = ids.withAddBos(addBos);
        return new HfTokenizer(
                tokenizer, dir, config.withAddBosToken(special.addBos()), special, vocabulary.size());
    }

    /**
     * The native tokenizer of {@code file}. The native library aborts the whole JVM (a Rust panic it does not
     * catch) on some malformed JSON, for example an unescaped control character inside the decoder's section, so
     * it is given the document only after Gson has read all of it strictly ({@link JsonFiles#readTree}), in Gson's
     * own serialization.
     */
    private static HuggingFaceTokenizer open(Path file) {
        System.setProperty("OPT_OUT_TRACKING", "true");
        byte[] canonical = JsonFiles.readTree(file).toString().getBytes(StandardCharsets.UTF_8);
        try {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(canonical),
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer file " + file, e);
        } catch (EngineException e) {
            // The native library itself failed to load: not the file's fault.
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedTokenizerException(
                    file, "the Hugging Face tokenizers library rejects it (" + e.getMessage() + ")", e);
        }
    }

    /** Whether the post-processor puts {@code bosId} first, probed by encoding the empty text with special tokens. */
    private static boolean putsFirst(HuggingFaceTokenizer tokenizer, int bosId) {
        long[] ids = tokenizer.encode("", true, false).getIds();
        return ids.length > 0 && ids[0] == bosId;
    }

    @Override
    public int[] encode(String text) {
        return TokenIds.toInts(tokenizer.encode(text, false, false).getIds());
    }

    @Override
    public int[] encodePrompt(String text) {
        int[] ids = encode(text);
        return special.addBos() ? TokenIds.prepend(special.bos(), ids) : ids;
    }

    @Override
    public String decode(int[] ids) {
        TokenIds.requireInVocabulary(ids, vocabSize);
        return tokenizer.decode(TokenIds.toLongs(ids), true);
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public int bosId() {
        return special.bos();
    }

    @Override
    public int eosId() {
        return special.eos();
    }

    @Override
    public int padId() {
        return special.pad();
    }

    @Override
    public List<Integer> stopIds() {
        return special.stop();
    }

    @Override
    public Optional<ChatTemplateSource> chatTemplates() {
        return Optional.ofNullable(config.chatTemplates());
    }

    /**
     * Copies {@code tokenizer.json} and {@code tokenizer_config.json} from the directory this tokenizer was loaded
     * from; where that directory had no {@code tokenizer_config.json}, writes one with the special tokens and
     * {@code add_bos_token} in effect. Copies {@code special_tokens_map.json}, {@code chat_template.jinja} and
     * {@code generation_config.json} too where that directory has them.
     */
    @Override
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            copy(sourceDir.resolve(TokenizerVocabulary.FILE_NAME), dir.resolve(TokenizerVocabulary.FILE_NAME));
            Path sourceConfig = sourceDir.resolve(TokenizerConfig.FILE_NAME);
            if (Files.isRegularFile(sourceConfig)) {
                copy(sourceConfig, dir.resolve(TokenizerConfig.FILE_NAME));
            } else {
                config.write(dir);
            }
            for (String optional : OPTIONAL_FILES) {
                if (Files.isRegularFile(sourceDir.resolve(optional))) {
                    copy(sourceDir.resolve(optional), dir.resolve(optional));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the tokenizer of " + sourceDir + " to " + dir, e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(to) || !Files.isSameFile(from, to)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    @Override
    public String toString() {
        return "HfTokenizer[" + sourceDir + ", vocabSize=" + vocabSize + "]";
    }
}
