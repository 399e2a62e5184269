package dev.sppo.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected texts are Python 3.11's {@code json.dumps} of the same values. */
class PythonJsonTest {

    private static final PythonJson DEFAULT = PythonJson.of(false, null, false);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.5, 1.5", "1e16, 1e+16", "1.5e16, 1.5e+16", "1e-5, 1e-05", "0.0001, 0.0001", "123456789.0, 123456789.0",
        "-0.0, -0.0", "100.0, 100.0", "0.3333333333333333, 0.3333333333333333", "2.5e-7, 2.5e-07", "1e22, 1e+22",
        "-2.5, -2.5", "NaN, NaN", "Infinity, Infinity", "-Infinity, -Infinity"})
    void floatsAreWrittenAsPythonsRepr(double value, String expected) {
        assertThat(DEFAULT.dumps(value)).isEqualTo(expected);
    }

    @Test
    void integersBooleansAndNoneAreWrittenAsJson() {
        assertThat(DEFAULT.dumps(Arrays.asList(3L, 7, true, false, null))).isEqualTo("[3, 7, true, false, null]");
    }

    @Test
    void textEscapesOnlyQuotesBackslashesAndControlCharactersUnlessAsciiIsAsked() {
        String text = "\"\\\n\r\t\b\f\u0001\u007f\u2028é😀";

        assertThat(DEFAULT.dumps(text)).isEqualTo("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\u007f\u2028é😀\"");
        assertThat(PythonJson.of(true, null, false).dumps(text))
                .isEqualTo("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007f\\u2028\\u00e9\\ud83d\\ude00\"");
    }

    @Test
    void indentPutsEachMemberOnItsLineAndKeepsEmptyContainersShort() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", List.of());
        value.put("b", Map.of());
        value.put("c", List.of(1L, Map.of("d", 2L)));

        assertThat(PythonJson.of(false, 2, false).dumps(value))
                .isEqualTo("{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": 2\n    }\n  ]\n}");
        assertThat(PythonJson.of(false, 0, false).dumps(Map.of("a", List.of()))).isEqualTo("{\n\"a\": []\n}");
    }

    @Test
    void sortKeysOrdersMembersByKey() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1L);
        value.put("a", 2L);

        assertThat(DEFAULT.dumps(value)).isEqualTo("{\"b\": 1, \"a\": 2}");
        assertThat(PythonJson.of(false, null, true).dumps(value)).isEqualTo("{\"a\": 2, \"b\": 1}");
    }

    @Test
    void aValueJsonCannotHoldIsRefusedAsPythonRefusesIt() {
        assertThatThrownBy(() -> DEFAULT.dumps(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Object of type Object is not JSON serializable");
    }
}
