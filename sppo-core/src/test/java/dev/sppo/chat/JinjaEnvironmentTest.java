package dev.sppo.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

/**
 * The Jinja dialect of chat templates renders as transformers' Jinja2 environment does. Each expected text is what
 * Jinja2 3.1.6 renders with {@code src/test/python/chat_templates.py}'s environment, given these messages.
 */
class JinjaEnvironmentTest {

    private static final List<Map<String, Object>> MESSAGES = Stream.of(
                    new ChatMessage("system", "S"), new ChatMessage("user", "u1"),
                    new ChatMessage("assistant", "a1"), new ChatMessage("user", "u2"))
            .map(ChatMessage::asTemplateValue)
            .toList();

    private final JinjaEnvironment environment = new JinjaEnvironment();

    static Stream<Arguments> jinja2Renderings() {
        return Stream.of(
                Arguments.of("lstrip_blocks keeps the spaces before a tag in the middle of a line",
                        "{% for m in messages %}{{ m.role }} {% endfor %}|", "system user assistant user |"),
                Arguments.of("lstrip_blocks and trim_blocks drop a tag's own line",
                        "A\n    {% if true %}\n    x\n    {% endif %}\nB", "A\n    x\nB"),
                Arguments.of("comments are stripped like tags, {%+ keeps the line's spaces",
                        "a {# c #} b|x\n  {# c #}\ny|p\n  {%+ if true %}q{% endif %}", "a  b|x\ny|p\n  q"),
                Arguments.of("{{- strips the whitespace before an expression",
                        "{%- for m in messages %}\n    {{- m.role }}\n{%- endfor %}", "systemuserassistantuser"),
                Arguments.of("continue and break",
                        "{% for m in messages %}{% if m.role == 'system' %}{% continue %}{% endif %}"
                                + "{% if m.role == 'assistant' %}{% break %}{% endif %}{{ m.content }}{% endfor %}",
                        "u1"),
                Arguments.of("namespace() carries a value out of a loop",
                        "{% set ns = namespace(last_user=-1) %}{% for m in messages %}{% if m.role == 'user' %}"
                                + "{% set ns.last_user = loop.index0 %}{% endif %}{% endfor %}{{ ns.last_user }}",
                        "3"),
                Arguments.of("loop.index0, loop.first and loop.last",
                        "{% for m in messages %}{{ loop.index0 }}{% if loop.first %}F{% endif %}"
                                + "{% if loop.last %}L{% endif %} {% endfor %}",
                        "0F 1 2 3L "),
                Arguments.of("slices, negative indices, selectattr and map",
                        "{{ messages[1:] | length }} {{ messages[-1]['content'] }} {{ messages | selectattr('role',"
                                + " 'equalto', 'user') | map(attribute='content') | join(',') }}",
                        "3 u2 u1,u2"),
                Arguments.of("a loop over a mapping visits its keys", "{% for key in {'k': 1} %}{{ key }}{% endfor %}",
                        "k"),
                Arguments.of("tojson is json.dumps: spaced separators, no HTML escapes, text unescaped",
                        "{{ {'name': 'f', 'arguments': {'x': 1.5, 'y': [1, none, true], 'z': 'é\"<>\\n'} }"
                                + " | tojson }}",
                        "{\"name\": \"f\", \"arguments\": {\"x\": 1.5, \"y\": [1, null, true],"
                                + " \"z\": \"é\\\"<>\\n\"}}"),
                Arguments.of("tojson takes json.dumps' indent and sort_keys",
                        "{{ {'b': 1, 'a': [1, 2]} | tojson(indent=2, sort_keys=true) }}",
                        "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": 1\n}"),
                Arguments.of("tojson takes ensure_ascii", "{{ 'ü' | tojson(ensure_ascii=true) }}", "\"\\u00fc\""),
                Arguments.of("trim strips what Python's str.strip strips",
                        "[{{ '\u3000 x \u00a0' | trim }}]", "[x]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jinja2Renderings")
    void rendersAsJinja2Does(String behaviour, String template, String expected) {
        assertThat(render(template)).isEqualTo(expected);
    }

    @Test
    void raiseExceptionStopsRenderingWithTheTemplatesMessage() {
        assertThatThrownBy(() -> render("a{{ raise_exception('no ' + messages[0].role + ' here') }}b"))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessage("the test template refused the conversation: no system here");
    }

    @Test
    void strftimeNowFormatsTheLocalDate() {
        LocalDate before = LocalDate.now();
        String today = render("{{ strftime_now('%Y-%m-%d') }}");
        LocalDate after = LocalDate.now();

        assertThat(today).isIn(before.toString(), after.toString());
    }

    @Test
    void aSyntaxErrorNamesTheTemplateAndTheLine() {
        assertThatThrownBy(() -> render("ok\n{% if %}x{% endif %}"))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageStartingWith("the test template cannot be rendered: line 2: ")
                .hasMessageContaining("'if' expects expression");
    }

    @Test
    void aTemplateCannotIncludeAnother() {
        assertThatThrownBy(() -> render("{% include 'other.jinja' %}"))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining("a chat template cannot include another template (other.jinja)");
    }

    @Test
    void aLoopFilterFailsWhereRenderingReachesItRatherThanBeingIgnored() {
        String template = "{% if messages | length > 9 %}{% for m in messages if m.role != 'if' %}{{ m.role }}"
                + "{% endfor %}{% endif %}ok\n{% for m in messages if m.role == 'user' -%} x {%- endfor %}";

        assertThatThrownBy(() -> render(template))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessage("the test template cannot be rendered: line 2: "
                        + "a loop filter (for ... in ... if ...) is not supported");
        assertThat(render(template.substring(0, template.indexOf('\n')))).isEqualTo("ok");
        assertThat(render("{% for m in ['if', \"if\"] %}{{ m }}{% endfor %}")).isEqualTo("ifif");
    }

    private String render(String template) {
        return environment.render(environment.prepare(template), Map.of("messages", MESSAGES), "the test template");
    }
}
