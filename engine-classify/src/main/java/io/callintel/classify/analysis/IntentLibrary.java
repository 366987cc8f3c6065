package io.callintel.classify.analysis;

import io.callintel.classify.embed.SentenceEncoder;
import io.callintel.core.transcript.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The built-in call-centre intents, embedded once per encoder. A question or a bucket description is matched to
 * intents by meaning ({@link #match}): "Did the agent verify the customer's identity?" finds the intent whose
 * examples are "Can you confirm your date of birth?" and "That matches our records". A call is then scored on
 * how close its utterances come to those examples ({@link #support}), which holds for wordings the question
 * never uses.
 */
final class IntentLibrary {

    /** Closeness of a statement to an intent's meaning from which the intent is what the statement asks about. */
    static final double MATCH = 0.55;
    /** Intents this close to the best match are matched too. */
    private static final double MATCH_BAND = 0.03;
    /** A statement and a meaning that disagree on negation ("is not interested" / "is interested") are this much further apart. */
    private static final double NEGATION_MISMATCH = 0.2;

    /**
     * The mean closeness of unrelated examples (of different intents) under all-MiniLM-L6-v2, the encoder the
     * thresholds were tuned with. Other encoders place unrelated text higher (e5 about 0.7); their closeness is
     * mapped onto this scale ({@link #calibrated}), so that one set of thresholds holds for any encoder.
     */
    static final double REFERENCE_BASELINE = 0.18;

    private final Map<String, Intent> intents;
    /** This encoder's mean closeness of unrelated examples. */
    private final double baseline;

    private final Map<Role, List<Intent>> byParty = new EnumMap<>(Role.class);

    private IntentLibrary(Map<String, Intent> intents, double baseline) {
        this.intents = intents;
        this.baseline = baseline;
        for (Role party : Role.values()) {
            byParty.put(
                    party,
                    intents.values().stream().filter(i -> i.party() == party).toList());
        }
    }

    /** A cosine of this encoder, on the scale of the encoder the thresholds were tuned with. */
    double calibrated(double cosine) {
        return REFERENCE_BASELINE + (cosine - baseline) * (1 - REFERENCE_BASELINE) / (1 - baseline);
    }

    /** The encoder's mean closeness of unrelated sentences: the first example of each intent against every other's. */
    private static double baseline(Map<String, Intent> intents) {
        List<float[]> firsts =
                intents.values().stream().map(i -> i.exampleVectors()[0]).toList();
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < firsts.size(); a++) {
            for (int b = a + 1; b < firsts.size(); b++) {
                sum += SentenceEncoder.cosine(firsts.get(a), firsts.get(b));
                pairs++;
            }
        }
        return pairs == 0 ? REFERENCE_BASELINE : sum / pairs;
    }

    static IntentLibrary load(SentenceEncoder encoder) {
        Map<String, Intent> intents = new LinkedHashMap<>();
        for (Draft draft : parse(text())) {
            intents.put(
                    draft.name,
                    new Intent(
                            draft.name,
                            draft.party,
                            draft.means,
                            encoder.encode(draft.means.stream()
                                    .map(QuestionKind::proposition)
                                    .toList()),
                            negated(draft.means, Negation::negated),
                            draft.examples,
                            encoder.encode(draft.examples),
                            negated(draft.examples, Negation::says),
                            draft.opposite,
                            draft.hedge));
        }
        return new IntentLibrary(intents, baseline(intents));
    }

    /**
     * The intents a statement asks about, best first; only those of the given party when it is known. Empty when
     * no intent means what the statement says.
     */
    List<Intent> match(float[] statement, boolean negated, Role party) {
        List<Map.Entry<Intent, Double>> scored = new ArrayList<>();
        for (Intent intent : intents.values()) {
            if (party != null && intent.party() != party) {
                continue;
            }
            double best = 0;
            for (int i = 0; i < intent.means().size(); i++) {
                double closeness = calibrated(SentenceEncoder.cosine(statement, intent.meansVectors()[i]));
                if (intent.meansNegated()[i] != negated) {
                    closeness -= NEGATION_MISMATCH;
                }
                best = Math.max(best, closeness);
            }
            scored.add(Map.entry(intent, best));
        }
        scored.sort(Map.Entry.<Intent, Double>comparingByValue(Comparator.reverseOrder()));
        if (scored.isEmpty() || scored.get(0).getValue() < MATCH) {
            return List.of();
        }
        double top = scored.get(0).getValue();
        return scored.stream()
                .filter(e -> e.getValue() >= Math.max(MATCH, top - MATCH_BAND))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The intents shown by one party's words. */
    List<Intent> of(Role party) {
        return byParty.get(party);
    }

    /** The intents that say a party has not made up their mind. */
    List<Intent> hedges() {
        return intents.values().stream().filter(Intent::hedge).toList();
    }

    Optional<Intent> opposite(Intent intent) {
        return Optional.ofNullable(intent.opposite()).map(intents::get);
    }

    private static boolean[] negated(List<String> texts, Predicate<String> negates) {
        boolean[] negated = new boolean[texts.size()];
        for (int i = 0; i < negated.length; i++) {
            negated[i] = negates.test(texts.get(i));
        }
        return negated;
    }

    /**
     * How close an utterance comes to an intent: the mean of its two closest examples, calibrated. An example
     * that disagrees with the utterance on negation counts {@link #NEGATION_MISMATCH} less: "I don't want to
     * cancel" is close in meaning to "I want to cancel my subscription" and says the opposite.
     */
    double support(float[] utterance, boolean utteranceNegated, Intent intent) {
        double first = -1;
        double second = -1;
        for (int i = 0; i < intent.exampleVectors().length; i++) {
            double closeness = calibrated(SentenceEncoder.cosine(utterance, intent.exampleVectors()[i]));
            if (intent.exampleNegated()[i] != utteranceNegated) {
                closeness -= NEGATION_MISMATCH;
            }
            if (closeness > first) {
                second = first;
                first = closeness;
            } else if (closeness > second) {
                second = closeness;
            }
        }
        return second < 0 ? first : (first + second) / 2;
    }

    private static String text() {
        try (InputStream in = IntentLibrary.class.getResourceAsStream("intents.txt")) {
            if (in == null) {
                throw new IllegalStateException("the intent library intents.txt is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Draft {
        String name;
        Role party;
        List<String> means = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        String opposite;
        boolean hedge;
    }

    static List<Draft> parse(String text) {
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("intent:")) {
                current = new Draft();
                current.name = line.substring(7).strip();
                drafts.add(current);
            } else if (current == null) {
                throw new IllegalStateException("intents.txt line " + number + ": outside an intent");
            } else if (line.startsWith("party:")) {
                current.party = Role.fromWireName(line.substring(6));
            } else if (line.startsWith("means:")) {
                for (String meaning : line.substring(6).split("\\|")) {
                    current.means.add(meaning.strip());
                }
            } else if (line.equals("hedge: yes")) {
                current.hedge = true;
            } else if (line.startsWith("opposite:")) {
                current.opposite = line.substring(9).strip();
            } else if (line.startsWith("- ")) {
                current.examples.add(line.substring(2).strip());
            } else {
                throw new IllegalStateException("intents.txt line " + number + ": cannot read '" + line + "'");
            }
        }
        for (Draft draft : drafts) {
            if (draft.party == null || draft.means.isEmpty() || draft.examples.isEmpty()) {
                throw new IllegalStateException("intent " + draft.name + " needs a party, a meaning and examples");
            }
        }
        return drafts;
    }
}
