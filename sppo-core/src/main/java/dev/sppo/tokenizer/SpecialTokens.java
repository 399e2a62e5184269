package dev.sppo.tokenizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The special tokens a Hugging Face tokenizer names, as text: null (or, for {@code additional}, empty) where the
 * files name none.
 *
 * @param bos {@code bos_token}
 * @param eos {@code eos_token}
 * @param unk {@code unk_token}
 * @param sep {@code sep_token}
 * @param pad {@code pad_token}
 * @param cls {@code cls_token}
 * @param mask {@code mask_token}
 * @param additional {@code additional_special_tokens}, in order
 */
public record SpecialTokens(
        String bos, String eos, String unk, String sep, String pad, String cls, String mask, List<String> additional) {

    /** No special tokens. */
    public static final SpecialTokens NONE = new SpecialTokens(null, null, null, null, null, null, null, List.of());

    private static final List<String> NAMES = List.of(
            "bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token");

    public SpecialTokens {
        additional = List.copyOf(additional);
    }

    /**
     * The tokens as transformers' {@code special_tokens_map} gives them to a chat template: only those that are set
     * and non-empty, under the names {@code bos_token}, {@code eos_token}, {@code unk_token}, {@code sep_token},
     * {@code pad_token}, {@code cls_token}, {@code mask_token} (text) and {@code additional_special_tokens} (a list).
     */
    public Map<String, Object> asMap() {
        List<String> single = List.of(nullToEmpty(bos), nullToEmpty(eos), nullToEmpty(unk), nullToEmpty(sep),
                nullToEmpty(pad), nullToEmpty(cls), nullToEmpty(mask));
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            if (!single.get(i).isEmpty()) {
                map.put(NAMES.get(i), single.get(i));
            }
        }
        if (!additional.isEmpty()) {
            map.put("additional_special_tokens", additional);
        }
        return map;
    }

    /** The tokens named in {@code fields}, an object of the shape of {@code tokenizer_config.json}. */
    static SpecialTokens read(JsonFields fields) {
        return new SpecialTokens(fields.token("bos_token"), fields.token("eos_token"), fields.token("unk_token"),
                fields.token("sep_token"), fields.token("pad_token"), fields.token("cls_token"),
                fields.token("mask_token"), fields.tokens("additional_special_tokens"));
    }

    /**
     * These tokens with each one that {@code fields} names replaced by its value there, as transformers applies a
     * legacy {@code special_tokens_map.json}.
     */
    SpecialTokens overriddenBy(JsonFields fields) {
        return new SpecialTokens(pick(fields, "bos_token", bos), pick(fields, "eos_token", eos),
                pick(fields, "unk_token", unk), pick(fields, "sep_token", sep), pick(fields, "pad_token", pad),
                pick(fields, "cls_token", cls), pick(fields, "mask_token", mask), mergedAdditional(fields));
    }

    private static String pick(JsonFields fields, String name, String current) {
        return fields.has(name) ? fields.token(name) : current;
    }

    /** transformers appends the map's additional tokens that are not already listed. */
    private List<String> mergedAdditional(JsonFields fields) {
        List<String> merged = new ArrayList<>(additional);
        fields.tokens("additional_special_tokens").stream().filter(t -> !merged.contains(t)).forEach(merged::add);
        return merged;
    }

    private static String nullToEmpty(String token) {
        return token == null ? "" : token;
    }
}
