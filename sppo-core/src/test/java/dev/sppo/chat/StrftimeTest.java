package dev.sppo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are Python 3.11's {@code datetime(2024, 7, 5, 9, 3, 7, 42).strftime(format)} in the C locale. */
class StrftimeTest {

    private static final LocalDateTime TIME = LocalDateTime.of(2024, 7, 5, 9, 3, 7, 42_000);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "%d %b %Y|05 Jul 2024",
        "%B %d, %Y|July 05, 2024",
        "%A %a %h|Friday Fri Jul",
        "%Y-%m-%d %H:%M:%S.%f|2024-07-05 09:03:07.000042",
        "%I %p %j %w %u %y|09 AM 187 5 5 24",
        "%-d/%-m %e|5/7  5",
        "100%% %z%Z %Q|100%  %Q"})
    void formatsAsPythonsStrftime(String format, String expected) {
        assertThat(Strftime.format(format, TIME)).isEqualTo(expected);
    }
}
