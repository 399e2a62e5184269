package dev.sppo.chat;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.AdvancedFilter;
import com.hubspot.jinjava.util.ObjectTruthValue;
import java.util.List;
import java.util.Map;

/**
 * The {@code tojson} filter as transformers defines it for chat templates, {@code json.dumps(x,
 * ensure_ascii=False, indent=None, separators=None, sort_keys=False)}: unlike Jinja's own, it escapes no HTML
 * characters and takes {@code json.dumps}' options, by keyword or in that order.
 */
final class TojsonFilter implements AdvancedFilter {

    private static final List<String> PARAMETERS = List.of("ensure_ascii", "indent", "separators", "sort_keys");

    @Override
    public String getName() {
        return "tojson";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        Object[] options = new Object[PARAMETERS.size()];
        for (int i = 0; i < options.length; i++) {
            options[i] = i < args.length ? args[i] : kwargs.get(PARAMETERS.get(i));
        }
        boolean ensureAscii = ObjectTruthValue.evaluate(options[0]);
        Integer indent = indent(options[1]);
        boolean sortKeys = ObjectTruthValue.evaluate(options[3]);
        PythonJson json = PythonJson.of(ensureAscii, indent, sortKeys);
        if (options[2] instanceof List<?> separators && separators.size() == 2) {
            json = new PythonJson(ensureAscii, indent, String.valueOf(separators.get(0)),
                    String.valueOf(separators.get(1)), sortKeys);
        }
        return json.dumps(value);
    }

    private static Integer indent(Object indent) {
        if (indent == null) {
            return null;
        }
        if (!(indent instanceof Number number)) {
            throw new IllegalArgumentException("tojson: indent must be a number of spaces, got " + indent);
        }
        return number.intValue();
    }
}
