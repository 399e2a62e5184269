package dev.sppo.preference.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * VADER's sentiment lexicon: about 7,500 words, emoticons and initialisms with their mean valence in [−4, 4] as rated
 * by ten human raters (Hutto &amp; Gilbert 2014). It is read from the resource {@value #RESOURCE} of
 * {@code com.github.apanimesh061:vader-sentiment-analyzer} (MIT), the lines {@code token TAB mean TAB sd TAB ratings};
 * as in vaderSentiment, a token listed twice keeps its last valence. The file is ISO-8859-1: all ASCII but two
 * emoticons with a {@code Þ} ({@code :-Þ}, {@code :Þ}) that vaderSentiment's UTF-8 copy spells the same.
 */
public final class VaderLexicon {

    /** The class-path resource the lexicon is read from. */
    public static final String RESOURCE = "vader_sentiment_lexicon.txt";

    private static final class Shared {
        private static final VaderLexicon INSTANCE = fromResource();
    }

    private final Map<String, Double> valences;

    private VaderLexicon(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    /** The lexicon of the class path, read once. */
    public static VaderLexicon shared() {
        return Shared.INSTANCE;
    }

    /** The valence of a lower-case token, empty when the lexicon does not list it. */
    public OptionalDouble valence(String lowerCaseToken) {
        Double valence = valences.get(lowerCaseToken);
        return valence == null ? OptionalDouble.empty() : OptionalDouble.of(valence);
    }

    /** Whether the token, lower-cased, is in the lexicon. */
    public boolean contains(String token) {
        return valences.containsKey(token.toLowerCase(Locale.ROOT));
    }

    /** How many distinct tokens the lexicon lists. */
    public int size() {
        return valences.size();
    }

    private static VaderLexicon fromResource() {
        try (InputStream in = VaderLexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (it comes with "
                        + "com.github.apanimesh061:vader-sentiment-analyzer)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            return new VaderLexicon(read(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE + " failed", e);
        }
    }

    private static Map<String, Double> read(BufferedReader reader) throws IOException {
        Map<String, Double> valences = new HashMap<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = trimmed.split("\t");
            try {
                valences.put(fields[0], Double.parseDouble(fields[1]));
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected token TAB valence, got '"
                        + trimmed + "'", e);
            }
        }
        return valences;
    }
}
