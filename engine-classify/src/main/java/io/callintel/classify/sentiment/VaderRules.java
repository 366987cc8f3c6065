package io.callintel.classify.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VADER's published word lists, read from the files of the vader-sentiment package that the build puts beside
 * this class: the lexicon's mean valence per word ({@code vader_lexicon.txt}), and the negations, boosters and
 * idioms its source declares ({@code vaderSentiment.js}). None is typed here.
 */
record VaderRules(
        Map<String, Double> lexicon, Set<String> negations, Map<String, Double> boosters, Map<String, Double> idioms) {

    /** VADER's empirically derived weights. */
    static final double BOOSTER_INCREMENT = 0.293;

    static final double NEGATION_SCALAR = -0.74;

    static VaderRules load() {
        String source = resource("vaderSentiment.js");
        Map<String, Double> lexicon = new HashMap<>();
        for (String line : resource("vader_lexicon.txt").split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length >= 2) {
                lexicon.put(fields[0], Double.parseDouble(fields[1]));
            }
        }
        Set<String> negations = new HashSet<>();
        Matcher quoted = Pattern.compile("'([^']+)'|\"([^\"]+)\"").matcher(block(source, "NEGATE = ["));
        while (quoted.find()) {
            negations.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
        }
        Map<String, Double> boosters = new HashMap<>();
        Matcher booster = Pattern.compile("(?m)^\\s*['\"]?([^'\":\\n]+?)['\"]?\\s*:\\s*(B_INCR|B_DECR)")
                .matcher(block(source, "BOOSTER_DICT = {"));
        while (booster.find()) {
            boosters.put(
                    booster.group(1).toLowerCase(Locale.ROOT),
                    booster.group(2).equals("B_INCR") ? BOOSTER_INCREMENT : -BOOSTER_INCREMENT);
        }
        Map<String, Double> idioms = new HashMap<>();
        Matcher idiom = Pattern.compile("(?m)^\\s*['\"]([^'\"]+)['\"]\\s*:\\s*(-?[0-9.]+)")
                .matcher(block(source, "SPECIAL_CASE_IDIOMS = {"));
        while (idiom.find()) {
            idioms.put(idiom.group(1), Double.parseDouble(idiom.group(2)));
        }
        if (lexicon.size() < 7_000 || negations.size() < 50 || boosters.size() < 60 || idioms.isEmpty()) {
            throw new IllegalStateException("the VADER files in this build are not the ones expected: " + lexicon.size()
                    + " words, " + negations.size() + " negations, " + boosters.size() + " boosters");
        }
        return new VaderRules(Map.copyOf(lexicon), Set.copyOf(negations), Map.copyOf(boosters), Map.copyOf(idioms));
    }

    /** The text of a declaration, from its opening to its closing bracket. */
    private static String block(String source, String declaration) {
        int start = source.indexOf(declaration);
        if (start < 0) {
            throw new IllegalStateException("vaderSentiment.js declares no " + declaration);
        }
        char close = declaration.endsWith("[") ? ']' : '}';
        return source.substring(start + declaration.length(), source.indexOf(close, start + declaration.length()));
    }

    private static String resource(String name) {
        try (InputStream in = VaderRules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " beside " + VaderRules.class.getName()
                        + ": the build puts it there (engine-classify, fetch-vader)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
