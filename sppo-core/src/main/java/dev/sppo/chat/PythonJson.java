package dev.sppo.chat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Python's {@code json.dumps} for the values a template holds (mappings, sequences, text, numbers, booleans, none),
 * byte for byte, so that a template's {@code tojson} writes what transformers writes.
 *
 * <ul>
 *   <li>Separators {@code ", "} and {@code ": "} without {@code indent}, {@code ","} and {@code ": "} with it;
 *       with {@code indent}, each member on its own line indented by that many spaces per level (none for 0);
 *       empty containers stay {@code []} and {@code {}}.
 *   <li>Text escapes {@code "}, {@code \}, {@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f} and other
 *       characters below U+0020 as {@code \}{@code u00xx}; with {@code ensureAscii}, every character outside
 *       printable ASCII as {@code \}{@code uxxxx} (UTF-16 units, lower-case hex).
 *   <li>Integers as digits; floating-point numbers as Python's {@code repr}: the shortest digits, positional for
 *       decimal exponents in [-4, 16), else {@code 1.5e+16}; {@code NaN}, {@code Infinity}, {@code -Infinity}.
 * </ul>
 *
 * @param ensureAscii escape every non-ASCII character
 * @param indent spaces per nesting level, or null for a single line
 * @param itemSeparator between members
 * @param keySeparator between a key and its value
 * @param sortKeys write mapping members ordered by key
 */
record PythonJson(boolean ensureAscii, Integer indent, String itemSeparator, String keySeparator, boolean sortKeys) {

    /** {@code json.dumps} with the given options, separators chosen as Python chooses them. */
    static PythonJson of(boolean ensureAscii, Integer indent, boolean sortKeys) {
        return new PythonJson(ensureAscii, indent, indent == null ? ", " : ",", ": ", sortKeys);
    }

    /** @throws IllegalArgumentException for a value JSON cannot hold, as Python raises TypeError */
    String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    private void write(Object value, int depth, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "true" : "false");
        } else if (value instanceof CharSequence text) {
            string(text.toString(), out);
        } else if (value instanceof Number number) {
            out.append(number(number));
        } else if (value instanceof Map<?, ?> map) {
            mapping(map, depth, out);
        } else if (value instanceof Collection<?> collection) {
            sequence(new ArrayList<>(collection), depth, out);
        } else if (value instanceof Object[] array) {
            sequence(Arrays.asList(array), depth, out);
        } else {
            throw new IllegalArgumentException(
                    "Object of type " + value.getClass().getSimpleName() + " is not JSON serializable");
        }
    }

    private void mapping(Map<?, ?> map, int depth, StringBuilder out) {
        Map<String, Object> members = sortKeys ? new TreeMap<>() : new LinkedHashMap<>();
        map.forEach((key, value) -> members.put(key(key), value));
        out.append('{');
        int i = 0;
        for (Map.Entry<String, Object> member : members.entrySet()) {
            item(i++, depth + 1, out);
            string(member.getKey(), out);
            out.append(keySeparator);
            write(member.getValue(), depth + 1, out);
        }
        close('}', members.isEmpty(), depth, out);
    }

    private void sequence(List<?> items, int depth, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            item(i, depth + 1, out);
            write(items.get(i), depth + 1, out);
        }
        close(']', items.isEmpty(), depth, out);
    }

    private void item(int index, int depth, StringBuilder out) {
        if (index > 0) {
            out.append(itemSeparator);
        }
        newline(depth, out);
    }

    private void close(char bracket, boolean empty, int depth, StringBuilder out) {
        if (!empty) {
            newline(depth, out);
        }
        out.append(bracket);
    }

    private void newline(int depth, StringBuilder out) {
        if (indent != null) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
    }

    /** Python turns keys that are not text into text: None to null, booleans to true and false, numbers. */
    private static String key(Object key) {
        if (key == null || key instanceof Boolean) {
            return String.valueOf(key);
        }
        return key instanceof Number number ? number(number) : key.toString();
    }

    private void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String number(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            return number.toString();
        }
        return floatRepr(number.doubleValue());
    }

    private static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
