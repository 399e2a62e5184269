package dev.sppo.model;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which linear modules carry a LoRA adapter, as PEFT's {@code target_modules} says it: a list of names, each
 * matching a module path that equals it or ends with {@code "." + name}; or one string, a regular expression
 * that must match the whole module path ({@code re.fullmatch}). PEFT's {@code "all-linear"} is every projection of
 * the decoder layers (the output head excepted), which for these families are the seven of {@link #ALL_LINEAR}.
 *
 * @param names the module names, or null when {@code pattern} is given
 * @param pattern a regular expression over the whole module path, or null when {@code names} are given
 */
public record LoraTargets(List<String> names, String pattern) {

    /** PEFT's shorthand for every linear module but the output layer. */
    public static final String ALL_LINEAR_KEYWORD = "all-linear";
    /** The seven projections of a decoder layer: attention's q, k, v, o and the SwiGLU's gate, up, down. */
    public static final List<String> ALL_LINEAR =
            List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");

    public LoraTargets {
        if ((names == null) == (pattern == null)) {
            throw new IllegalArgumentException("target_modules: a list of module names or one pattern");
        }
        if (names != null) {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("target_modules: names at least one module");
            }
        } else {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("target_modules: not a regular expression: " + e.getMessage(), e);
            }
        }
    }

    /** Modules named by a list, {@code all-linear} standing for the seven projections. */
    public static LoraTargets named(List<String> names) {
        return new LoraTargets(names.equals(List.of(ALL_LINEAR_KEYWORD)) ? ALL_LINEAR : names, null);
    }

    /** PEFT's string form: {@code all-linear}, or a regular expression over the whole module path. */
    public static LoraTargets fromString(String value) {
        return value.equals(ALL_LINEAR_KEYWORD) ? named(ALL_LINEAR) : new LoraTargets(null, value);
    }

    /** Whether the module at {@code path} (such as {@code model.layers.0.self_attn.q_proj}) is targeted. */
    public boolean matches(String path) {
        if (pattern != null) {
            return Pattern.matches(pattern, path);
        }
        return names.stream().anyMatch(name -> path.equals(name) || path.endsWith("." + name));
    }

    /** Whether {@code name} of the list matches at least one of {@code paths}; a pattern counts as one name. */
    boolean matchesAny(String name, List<String> paths) {
        return pattern != null
                ? paths.stream().anyMatch(this::matches)
                : paths.stream().anyMatch(path -> path.equals(name) || path.endsWith("." + name));
    }
}
