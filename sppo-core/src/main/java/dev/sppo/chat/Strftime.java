package dev.sppo.chat;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} in the C locale, for the directives chat templates write: {@code %a %A %b %h
 * %B %d %e %m %y %Y %H %I %p %M %S %f %j %w %u %%}, and glibc's {@code -} flag that drops a number's padding
 * ({@code %-d}). {@code %z} and {@code %Z} are empty, as for Python's naive {@code datetime.now()}; any other
 * directive is written as it stands, as glibc does.
 */
final class Strftime {

    private Strftime() {}

    static String format(String format, LocalDateTime time) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%' || i == format.length()) {
                out.append(c);
                continue;
            }
            boolean unpadded = format.charAt(i) == '-' && i + 1 < format.length();
            char directive = format.charAt(unpadded ? i + 1 : i);
            i += unpadded ? 2 : 1;
            out.append(directive(directive, unpadded, time));
        }
        return out.toString();
    }

    private static String directive(char directive, boolean unpadded, LocalDateTime time) {
        return switch (directive) {
            case 'a' -> time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'A' -> time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'b', 'h' -> time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'B' -> time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'd' -> number(time.getDayOfMonth(), "%02d", unpadded);
            case 'e' -> number(time.getDayOfMonth(), "%2d", unpadded);
            case 'm' -> number(time.getMonthValue(), "%02d", unpadded);
            case 'y' -> number(time.getYear() % 100, "%02d", unpadded);
            case 'Y' -> Integer.toString(time.getYear());
            case 'H' -> number(time.getHour(), "%02d", unpadded);
            case 'I' -> number(time.getHour() % 12 == 0 ? 12 : time.getHour() % 12, "%02d", unpadded);
            case 'p' -> time.getHour() < 12 ? "AM" : "PM";
            case 'M' -> number(time.getMinute(), "%02d", unpadded);
            case 'S' -> number(time.getSecond(), "%02d", unpadded);
            case 'f' -> String.format(Locale.ROOT, "%06d", time.getNano() / 1000);
            case 'j' -> number(time.getDayOfYear(), "%03d", unpadded);
            case 'w' -> Integer.toString(time.getDayOfWeek().getValue() % 7);
            case 'u' -> Integer.toString(time.getDayOfWeek().getValue());
            case 'z', 'Z' -> "";
            case '%' -> "%";
            default -> (unpadded ? "%-" : "%") + directive;
        };
    }

    private static String number(int value, String padded, boolean unpadded) {
        return unpadded ? Integer.toString(value) : String.format(Locale.ROOT, padded, value);
    }
}
