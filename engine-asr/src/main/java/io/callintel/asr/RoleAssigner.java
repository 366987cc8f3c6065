package io.callintel.asr;

import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells the agent from the customer by what they say, in recognised text (so every cue must
 * survive the odd misrecognised word). Heuristic, documented in the README; each speaker scores:
 * <ul>
 *   <li>+3 for an opening line: the call's first utterance with a greeting or introduction
 *       ("good morning", "thank you for calling", "this is ...", "my name is", "speaking");</li>
 *   <li>+2 for every utterance with service phrases ("how can I", "can I have your", "let me check",
 *       "is there anything else", "have a nice day", "account number", "I'll send", ...);</li>
 *   <li>-2 for every utterance with a caller's phrases ("I'd like to", "I'm calling about",
 *       "can you help", "my card", ...);</li>
 *   <li>up to +1 for the share of their utterances that open like a question: agents ask;</li>
 *   <li>+0.5 for speaking first (inbound calls open with the agent).</li>
 * </ul>
 * The best-scoring speaker is the agent; everyone else is a customer. What a recording's uploader
 * knows (the agent's channel or label) overrides all of this.
 */
final class RoleAssigner {

    private static final Pattern OPENING = cues(
            "good (morning|afternoon|evening)",
            "thank(s| you) for calling",
            "this is \\w+",
            "my name is",
            "speaking",
            "welcome to",
            "you('ve| have) reached");

    private static final Pattern SERVICE = cues(
            "thank(s| you) for (calling|holding|waiting|your patience)",
            "how (can|may) i",
            "what can i do for you",
            "(can|could|may) i (have|get|take) your",
            "let me (check|look|pull|see|confirm|transfer)",
            "is there anything else",
            "have a (great|good|nice|wonderful|lovely) (day|one|evening|afternoon|weekend)",
            "this call (may|will|is)",
            "for (security|verification)",
            "please hold",
            "i('m| am) (happy|glad) to help",
            "we('ll| will) send you",
            "i('ll| will) (send|transfer|set|book|block|arrange)",
            "account number",
            "date of birth",
            "speaking with",
            "calling (from|on behalf)",
            "on behalf of");

    private static final Pattern CALLER = cues(
            "i('d| would) like to",
            "i want to",
            "i('m| am) calling (about|because|to|regarding)",
            "i (think )?i lost",
            "can you (help|tell|check)",
            "my (card|account|order|bill|payment|loan|appointment|money)");

    private static final Pattern QUESTION_OPENING = Pattern.compile(
            "^(what|how|when|where|which|who|why|can|could|may|would|will|do|does|did|is|are|have|has|shall|should)\\b");

    /** A role for every speaker of {@code segments} (in time order); {@code agentOverride} names the agent outright. */
    Map<String, Role> assign(List<Segment> segments, Optional<String> agentOverride) {
        List<String> speakers =
                segments.stream().map(Segment::speaker).distinct().toList();
        String agent = agentOverride.filter(speakers::contains).orElseGet(() -> likeliestAgent(speakers, segments));
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String speaker : speakers) {
            roles.put(speaker, speaker.equals(agent) ? Role.AGENT : Role.CUSTOMER);
        }
        return roles;
    }

    private static String likeliestAgent(List<String> speakers, List<Segment> segments) {
        if (speakers.isEmpty()) {
            return "";
        }
        Map<String, Double> score = new HashMap<>();
        Map<String, int[]> questions = new HashMap<>(); // [questions, utterances]
        for (int i = 0; i < segments.size(); i++) {
            String speaker = segments.get(i).speaker();
            String text = segments.get(i).text().toLowerCase(Locale.ROOT);
            double points = 0;
            if (i == 0 && OPENING.matcher(text).find()) {
                points += 3;
            }
            if (SERVICE.matcher(text).find()) {
                points += 2;
            }
            if (CALLER.matcher(text).find()) {
                points -= 2;
            }
            score.merge(speaker, points, Double::sum);
            int[] counts = questions.computeIfAbsent(speaker, ignored -> new int[2]);
            counts[1]++;
            if (QUESTION_OPENING.matcher(text).find()) {
                counts[0]++;
            }
        }
        questions.forEach((speaker, counts) -> score.merge(speaker, counts[0] / (double) counts[1], Double::sum));
        score.merge(speakers.get(0), 0.5, Double::sum);
        return speakers.stream()
                .max(Comparator.comparingDouble(speaker -> score.getOrDefault(speaker, 0.0)))
                .orElseThrow();
    }

    private static Pattern cues(String... phrases) {
        return Pattern.compile("\\b(" + String.join("|", phrases) + ")\\b");
    }
}
