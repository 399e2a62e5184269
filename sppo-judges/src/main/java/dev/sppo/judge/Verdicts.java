package dev.sppo.judge;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads p_A, the probability that the response shown as A wins, out of a chat completion.
 *
 * <p>With log-probabilities: the first answer token that reads "A" or "B" is the verdict token; over its
 * {@code top_logprobs} (and itself), with l_A and l_B the log-probabilities of the tokens that read "A" and "B"
 * (summed in probability over spellings such as {@code "A"} and {@code " A"}),
 * <pre>  p_A = exp(l_A) / (exp(l_A) + exp(l_B))</pre>
 * A letter missing from the top list counts as probability 0: its true probability is below the smallest one
 * listed. Without a verdict token in the log-probabilities, the answer text decides: it must be the letter alone,
 * allowing whitespace, quotes, emphasis, a final full stop and a "Response " prefix ({@code "A"}, {@code " 'B'."},
 * {@code "Response A"}), giving p_A = 1 or 0. Anything else is malformed: never guessed.
 */
final class Verdicts {

    private static final Pattern VERDICT = Pattern.compile(
            "^[\\s\"'`*]*(?:(?i:response)\\s+)?([AB])[\\s\"'`*]*\\.?[\\s\"'`*]*$");

    private Verdicts() {}

    /**
     * @throws AttemptFailedException with {@link CallOutcome#MALFORMED} when {@code body} is not a chat completion
     *     or holds no strict verdict
     */
    static double probabilityA(String body, boolean useLogprobs) {
        JsonObject choice;
        String content;
        try {
            choice = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("choices").get(0)
                    .getAsJsonObject();
            content = choice.getAsJsonObject("message").get("content").getAsString();
        } catch (JsonParseException | IllegalStateException | ClassCastException | NullPointerException
                 | IndexOutOfBoundsException | UnsupportedOperationException e) {
            throw new AttemptFailedException(CallOutcome.MALFORMED, "not a chat completion: "
                    + AttemptFailedException.excerpt(body));
        }
        OptionalDouble fromLogprobs = useLogprobs ? fromLogprobs(choice) : OptionalDouble.empty();
        return fromLogprobs.isPresent() ? fromLogprobs.getAsDouble() : fromText(content);
    }

    /** p_A = 1 for a strict "A" verdict, 0 for "B". */
    static double fromText(String content) {
        Matcher matcher = VERDICT.matcher(content);
        if (!matcher.matches()) {
            throw new AttemptFailedException(CallOutcome.MALFORMED, "the answer is not a verdict \"A\" or \"B\": "
                    + AttemptFailedException.excerpt(content));
        }
        return "A".equals(matcher.group(1)) ? 1.0 : 0.0;
    }

    private static OptionalDouble fromLogprobs(JsonObject choice) {
        JsonArray tokens = array(object(choice.get("logprobs")), "content");
        if (tokens == null) {
            return OptionalDouble.empty();
        }
        for (JsonElement element : tokens) {
            JsonObject token = object(element);
            if (token != null && letter(token) != null) {
                return OptionalDouble.of(fromVerdictToken(token));
            }
        }
        return OptionalDouble.empty();
    }

    private static double fromVerdictToken(JsonObject verdict) {
        double[] mass = new double[2];
        JsonArray top = array(verdict, "top_logprobs");
        if (top == null || top.isEmpty()) {
            add(mass, verdict);
        } else {
            top.forEach(element -> add(mass, object(element)));
        }
        if (!(mass[0] + mass[1] > 0)) {
            throw new AttemptFailedException(CallOutcome.MALFORMED,
                    "the verdict token's top_logprobs give neither \"A\" nor \"B\" a probability");
        }
        return mass[0] / (mass[0] + mass[1]);
    }

    /** Adds exp(logprob) of a top-list entry reading "A" to {@code mass[0]}, "B" to {@code mass[1]}. */
    private static void add(double[] mass, JsonObject entry) {
        String letter = entry == null ? null : letter(entry);
        if (letter == null) {
            return;
        }
        JsonElement logprob = entry.get("logprob");
        if (logprob == null || !logprob.isJsonPrimitive() || !logprob.getAsJsonPrimitive().isNumber()
                || !(logprob.getAsDouble() <= 0)) {
            throw new AttemptFailedException(CallOutcome.MALFORMED, "the logprob of verdict token \"" + letter
                    + "\" is not a number <= 0: " + AttemptFailedException.excerpt(String.valueOf(logprob)));
        }
        mass["A".equals(letter) ? 0 : 1] += Math.exp(logprob.getAsDouble());
    }

    /** "A" or "B" when the entry's token reads as that letter (whitespace and quotes aside), else null. */
    private static String letter(JsonObject entry) {
        JsonElement token = entry.get("token");
        if (token == null || !token.isJsonPrimitive()) {
            return null;
        }
        String text = token.getAsString().strip().replaceAll("^[\"'`*]+|[\"'`*]+$", "");
        return "A".equals(text) || "B".equals(text) ? text : null;
    }

    private static JsonObject object(JsonElement element) {
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }

    private static JsonArray array(JsonObject parent, String field) {
        JsonElement element = parent == null ? null : parent.get(field);
        return element != null && element.isJsonArray() ? element.getAsJsonArray() : null;
    }
}
