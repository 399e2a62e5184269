package dev.sppo.judge;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a pairwise judge template. The placeholders {@code {prompt}}, {@code {response_a}} and
 * {@code {response_b}} are replaced in one pass, so a response that itself contains a placeholder is never
 * expanded.
 */
final class PromptTemplate {

    static final List<String> PLACEHOLDERS = List.of("{prompt}", "{response_a}", "{response_b}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(prompt|response_a|response_b)}");

    private PromptTemplate() {}

    /** @throws IllegalArgumentException naming the missing placeholder */
    static void validate(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("LLM judge config promptTemplate: required");
        }
        for (String placeholder : PLACEHOLDERS) {
            if (!template.contains(placeholder)) {
                throw new IllegalArgumentException("LLM judge config promptTemplate: must contain " + placeholder);
            }
        }
    }

    /** The template with the prompt, response A and response B in place. */
    static String render(String template, String prompt, String responseA, String responseB) {
        Map<String, String> values = Map.of("prompt", prompt, "response_a", responseA, "response_b", responseB);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
