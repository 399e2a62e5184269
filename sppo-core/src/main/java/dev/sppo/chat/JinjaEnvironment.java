package dev.sppo.chat;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import java.util.Map;
import java.util.Optional;

/**
 * The environment transformers renders chat templates in ({@code chat_template_utils}: Jinja2's sandbox with
 * {@code trim_blocks}, {@code lstrip_blocks} and loop controls; {@code tojson} as {@code json.dumps};
 * {@code raise_exception} and {@code strftime_now}), built on Jinjava, the Jinja engine for the JVM.
 *
 * <p>Jinjava options, each bringing it to Jinja2's behaviour: {@code trim_blocks}; {@code lstrip_blocks} done by
 * {@link TemplateSource}; whitespace control on expressions and comments ({@code {{-}, {@code -}}}) and only
 * right at a delimiter ({@code {{ -1 }}} is minus one); map literal keys evaluated; a loop over a mapping visits
 * its keys; loops keep none items; values printed as Python writes them ({@code ['a', 1]}, {@code {'a': 1}}). The
 * {@code trim} filter is Python's {@code str.strip}. Templates cannot include other templates, as transformers'
 * has no loader.
 *
 * <p>What still differs from Jinja2, none of it in the chat paths of the published Llama-2, Llama-3, Qwen2.5 and
 * Mistral templates: a variable set to none counts as undefined; booleans and none print as {@code true}, {@code
 * false} and nothing; an unknown filter is ignored. These fail with an error when rendering reaches them: Python's
 * string methods other than Java's namesakes ({@code strip()} works, {@code startswith()} does not), string
 * indexing, extended slices ({@code [::-1]}), chained comparisons, a loop filter ({@code for x in xs if c}, which
 * Mistral's tool branch uses) and a mapping literal that ends in {@code }}} inside an expression.
 */
final class JinjaEnvironment {

    private static final JinjavaConfig CONFIG = JinjavaConfig.newBuilder()
            .withTrimBlocks(true)
            .withLstripBlocks(false)
            .withLegacyOverrides(LegacyOverrides.newBuilder()
                    .withUseTrimmingForNotesAndExpressions(true)
                    .withParseWhitespaceControlStrictly(true)
                    .withEvaluateMapKeys(true)
                    .withIterateOverMapKeys(true)
                    .withKeepNullableLoopValues(true)
                    .withUsePyishObjectMapper(true)
                    .build())
            .build();

    private final Jinjava jinjava = new Jinjava(CONFIG);

    JinjaEnvironment() {
        jinjava.registerFilter(new TojsonFilter());
        jinjava.registerFilter(new TrimFilter());
        jinjava.registerFunction(new ELFunctionDefinition(
                "", "raise_exception", TemplateFunctions.class, "raiseException", String.class));
        jinjava.registerFunction(new ELFunctionDefinition(
                "", "strftime_now", TemplateFunctions.class, "strftimeNow", String.class));
        jinjava.registerFunction(new ELFunctionDefinition(
                "", TemplateFunctions.UNSUPPORTED, TemplateFunctions.class, "unsupported", String.class));
        jinjava.setResourceLocator((name, encoding, interpreter) -> {
            throw new ResourceNotFoundException("a chat template cannot include another template (" + name + ")");
        });
    }

    /**
     * @param template Jinja2 source
     * @return the source as this environment renders it
     */
    String prepare(String template) {
        return TemplateSource.prepare(template, CONFIG);
    }

    /**
     * Renders a {@link #prepare prepared} template.
     *
     * @param describe names the template in error messages
     * @throws ChatTemplateException if the template raised an exception or cannot be rendered
     */
    String render(String prepared, Map<String, Object> variables, String describe) {
        RenderResult result = jinjava.renderForResult(prepared, variables);
        Optional<TemplateError> fatal = result.getErrors().stream()
                .filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL)
                .findFirst();
        if (fatal.isEmpty()) {
            return result.getOutput();
        }
        TemplateError error = fatal.get();
        Optional<TemplateFunctions.Raised> raised = cause(error, TemplateFunctions.Raised.class);
        if (raised.isPresent()) {
            throw new ChatTemplateException(describe + " refused the conversation: " + raised.get().getMessage());
        }
        String problem = cause(error, TemplateFunctions.Unsupported.class).map(Throwable::getMessage)
                .orElse(error.getMessage());
        throw new ChatTemplateException(
                describe + " cannot be rendered: line " + error.getLineno() + ": " + problem, error.getException());
    }

    private static <T extends Throwable> Optional<T> cause(TemplateError error, Class<T> type) {
        for (Throwable cause = error.getException(); cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
