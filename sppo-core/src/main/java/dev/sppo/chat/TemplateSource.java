package dev.sppo.chat;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.tree.parse.NoteToken;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.tree.parse.TextToken;
import com.hubspot.jinjava.tree.parse.Token;
import com.hubspot.jinjava.tree.parse.TokenScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Jinja2 template's source made ready for Jinjava, which renders it as Jinja2 does but for two things:
 *
 * <ul>
 *   <li>{@code lstrip_blocks}: Jinja2 strips the whitespace between the start of a line and a block or comment tag
 *       ({@code {%}, {@code {#}; not {@code {%+}, {@code {#+}). Jinjava's option strips the spaces and tabs before
 *       every tag, in the middle of a line too (HubSpot/jinjava issue 1230), so Jinjava runs without it and this
 *       removes exactly the whitespace Jinja2 removes.
 *   <li>A loop filter, {@code {% for x in xs if cond %}}: Jinjava ignores the condition and renders every item, so
 *       such a template is refused rather than rendered wrongly.
 * </ul>
 */
final class TemplateSource {

    private static final Pattern QUOTED = Pattern.compile("'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern LOOP_FILTER = Pattern.compile("\\bif\\b");

    private TemplateSource() {}

    /**
     * @param template Jinja2 source
     * @param config the configuration Jinjava will render it with
     * @return the source for Jinjava without {@code lstrip_blocks}
     * @throws IllegalArgumentException if the template filters a loop
     */
    static String prepare(String template, JinjavaConfig config) {
        List<Token> tokens = new ArrayList<>();
        new TokenScanner(template, config).forEachRemaining(tokens::add);
        StringBuilder out = new StringBuilder(template.length());
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            refuseLoopFilter(token);
            boolean beforeBlock = i + 1 < tokens.size() && stripsLeadingSpace(tokens.get(i + 1));
            out.append(token instanceof TextToken && beforeBlock ? lstripped(token.getImage(), out.isEmpty())
                    : token.getImage());
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

    private static void refuseLoopFilter(Token token) {
        if (token instanceof TagToken tag && tag.getTagName().equals("for")
                && LOOP_FILTER.matcher(QUOTED.matcher(tag.getHelpers()).replaceAll("''")).find()) {
            throw new IllegalArgumentException("a loop filter ('" + token.getImage()
                    + "') is not supported: the Jinja engine would render every item");
        }
    }
}
