package dev.sppo.chat;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Objects;

/**
 * Jinja's {@code trim} filter, which is Python's {@code str.strip(chars)}: without {@code chars} it strips every
 * character Python counts as whitespace (Unicode spaces such as U+3000 and U+00A0 included), where Jinjava's own
 * strips only the characters up to U+0020.
 */
final class TrimFilter implements Filter {

    @Override
    public String getName() {
        return "trim";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        String text = Objects.toString(value, "");
        String chars = args.length > 0 ? args[0] : null;
        int start = 0;
        int end = text.length();
        while (start < end && stripped(text.charAt(start), chars)) {
            start++;
        }
        while (end > start && stripped(text.charAt(end - 1), chars)) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean stripped(char c, String chars) {
        return chars != null ? chars.indexOf(c) >= 0 : isPythonSpace(c);
    }

    /** Python's {@code str.isspace}: separators (Zs, Zl, Zp), the C0 whitespace controls and U+0085. */
    static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
