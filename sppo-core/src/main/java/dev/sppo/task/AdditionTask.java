package dev.sppo.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds two non-negative integers: prompt {@code "37+485="}, answer {@code "522"}.
 *
 * <p>Each operand first draws its digit count d uniformly in [minDigits, maxDigits], then its value
 * uniformly among the d-digit numbers (0..9 when d = 1).
 *
 * <p>Score of a response r against the answer a: 0 when r is empty or holds a non-digit; otherwise
 * the digits are aligned from the right (units with units) and
 * <pre>  score = #{n < N : r and a both have a digit at place n and they are equal} / N,   N = max(|a|, |r|)</pre>
 * so the exact answer scores 1 and every missing or extra digit costs one place.
 *
 * <p>Corruptions, a kind drawn uniformly first: off by one (a +- 1), off by ten (a +- 10), or two
 * adjacent differing digits swapped. Negative results and swaps that would lead with 0 are never drawn.
 */
public final class AdditionTask extends GeneratedTask {

    public static final String NAME = "addition";

    private final AdditionConfig config;

    public AdditionTask(AdditionConfig config) {
        super(NAME, config.seed(), Pattern.compile("(0|[1-9]\\d{0,17})\\+(0|[1-9]\\d{0,17})="), "37+485=");
        this.config = config;
    }

    @Override
    public String alphabet() {
        return "+0123456789=";
    }

    @Override
    public double score(Prompt prompt, String response) {
        if (response.isEmpty() || !response.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return Grading.matchFraction(digitsFromUnits(prompt.answer()), digitsFromUnits(response));
    }

    @Override
    public String corruption(Prompt prompt, Random rng) {
        String gold = prompt.answer();
        long sum = Long.parseLong(gold);
        return Grading.pickCorruption(rng, gold, List.of(
                nonNegative(sum + 1, sum - 1),
                nonNegative(sum + 10, sum - 10),
                adjacentSwaps(gold)));
    }

    @Override
    Prompt draw(Random rng) {
        return prompt(operand(rng), operand(rng));
    }

    @Override
    Prompt fromMatch(Matcher match) {
        return prompt(Long.parseLong(match.group(1)), Long.parseLong(match.group(2)));
    }

    private int operand(Random rng) {
        int digits = config.minDigits() + rng.nextInt(config.maxDigits() - config.minDigits() + 1);
        int low = digits == 1 ? 0 : (int) Math.pow(10, digits - 1);
        int high = (int) Math.pow(10, digits);
        return low + rng.nextInt(high - low);
    }

    private static Prompt prompt(long a, long b) {
        return Prompt.of(NAME, a + "+" + b + "=", Long.toString(a + b));
    }

    private static List<Character> digitsFromUnits(String number) {
        List<Character> digits = new ArrayList<>(number.length());
        for (int i = number.length() - 1; i >= 0; i--) {
            digits.add(number.charAt(i));
        }
        return digits;
    }

    private static List<String> nonNegative(long... values) {
        List<String> numbers = new ArrayList<>();
        for (long v : values) {
            if (v >= 0) {
                numbers.add(Long.toString(v));
            }
        }
        return numbers;
    }

    private static List<String> adjacentSwaps(String number) {
        List<String> swaps = new ArrayList<>();
        for (int i = 0; i + 1 < number.length(); i++) {
            char[] digits = number.toCharArray();
            digits[i] = number.charAt(i + 1);
            digits[i + 1] = number.charAt(i);
            if (digits[0] != '0') {
                swaps.add(new String(digits));
            }
        }
        return swaps;
    }
}
