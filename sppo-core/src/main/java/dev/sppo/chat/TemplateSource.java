package dev.sppo.chat;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.tree.parse.NoteToken;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.tree.parse.TextToken;
import com.hubspot.jinjava.tree.parse.Token;
import com.hubspot.jinjava.tree.parse.TokenScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jinja2 template's source made ready for Jinjava, which renders it as Jinja2 does but for two things:
 *
 * <ul>
 *   <li>{@code lstrip_blocks}: Jinja2 strips the whitespace between the start of a line and a block or comment tag
 *       ({@code {%}, {@code {#}; not {@code {%+}, {@code {#+}). Jinjava's option strips the spaces and tabs before
 *       every tag, in the middle of a line too (HubSpot/jinjava issue 1230), so Jinjava runs without it and this
 *       removes exactly the whitespace Jinja2 removes.
 *   <li>A loop filter, {@code {% for x in xs if cond %}}: Jinjava ignores the condition and would render every
 *       item. Such a loop fails instead when rendering reaches it, so that a template whose filtered loop is in a
 *       branch a conversation does not take (Mistral's tools, for one) still renders.
 * </ul>
 */
final class TemplateSource {

    private static final Pattern QUOTED = Pattern.compile("'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern LOOP_FILTER = Pattern.compile("\\sif\\s.*?(?=-?%}$)", Pattern.DOTALL);

    /** The expression that stands before a filtered loop: it fails when rendering reaches the loop. */
    private static final String UNSUPPORTED_LOOP_FILTER =
            "{{ " + TemplateFunctions.UNSUPPORTED + "('a loop filter (for ... in ... if ...) is not supported') }}";

    private TemplateSource() {}

    /**
     * @param template Jinja2 source
     * @param config the configuration Jinjava will render it with
     * @return the source for Jinjava without {@code lstrip_blocks}
     */
    static String prepare(String template, JinjavaConfig config) {
        List<Token> tokens = new ArrayList<>();
        new TokenScanner(template, config).forEachRemaining(tokens::add);
        StringBuilder out = new StringBuilder(template.length());
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean beforeBlock = i + 1 < tokens.size() && stripsLeadingSpace(tokens.get(i + 1));
            if (token instanceof TextToken && beforeBlock) {
                out.append(lstripped(token.getImage(), out.isEmpty()));
            } else if (token instanceof TagToken tag && tag.getTagName().equals("for")) {
                out.append(withoutLoopFilter(tag.getImage()));
            } else {
                out.append(token.getImage());
            }
        }
        return out.toString();
    }

    private static boolean stripsLeadingSpace(Token token) {
        String image = token.getImage();
        boolean keepsSpace = image.length() > 2 && image.charAt(2) == '+';
        return (token instanceof TagToken || token instanceof NoteToken) && !keepsSpace;
    }

    /** The text without the whitespace after its last newline (or after the template's start), if that is all. */
    private static String lstripped(String text, boolean atTemplateStart) {
        int start = text.length();
        while (start > 0 && text.charAt(start - 1) != '\n' && TrimFilter.isPythonSpace(text.charAt(start - 1))) {
            start--;
        }
        boolean lineStart = start > 0 ? text.charAt(start - 1) == '\n' : atTemplateStart;
        return lineStart ? text.substring(0, start) : text;
    }

    /** A {@code for} tag as it is, or without its filter and behind an expression that fails. */
    private static String withoutLoopFilter(String image) {
        Matcher masked = QUOTED.matcher(image);
        StringBuilder unquoted = new StringBuilder();
        while (masked.find()) {
            masked.appendReplacement(unquoted, " ".repeat(masked.group().length()));
        }
        masked.appendTail(unquoted);
        Matcher filter = LOOP_FILTER.matcher(unquoted);
        if (!filter.find()) {
            return image;
        }
        return UNSUPPORTED_LOOP_FILTER + image.substring(0, filter.start()) + " " + image.substring(filter.end());
    }
}
