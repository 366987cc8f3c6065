package io.callintel.classify.analysis;

import io.callintel.core.transcript.Role;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What kind of question the use case asks, read from its wording.
 *
 * @param statement  the question without its "(Yes/No)" marker, for comparing with what was said
 * @param yesNo      answered Yes / No / Unclear (it says so, or opens like "Is", "Did", "Does" ...)
 * @param occurrence asks whether something happened ("Did the agent mention the fee?"): silence
 *                   about it means No. Otherwise it asks about a stance ("Is the lead interested?"),
 *                   where silence means Unclear.
 * @param about      whose words settle it: the customer's for questions about the lead, caller,
 *                   client...; the agent's for questions about the agent; anyone's otherwise
 */
record QuestionKind(String statement, boolean yesNo, boolean occurrence, Optional<Role> about) {

    private static final Pattern YES_NO_MARKER =
            Pattern.compile("\\(?\\s*yes\\s*/\\s*no\\s*\\)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern YES_NO_OPENING =
            Pattern.compile("^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall)\\b");
    private static final Pattern OCCURRENCE = Pattern.compile(
            "\\b(did|does|has|have|was|were)\\b.*\\b(mention\\w*|ask\\w*|offer\\w*|explain\\w*|confirm\\w*|provid\\w*|"
                    + "give|gave|given|greet\\w*|introduc\\w*|say|said|disclos\\w*|inform\\w*|discuss\\w*|talk\\w*|"
                    + "request\\w*|verif\\w*|apologi\\w*|thank\\w*|promis\\w*|schedul\\w*|book\\w*|quot\\w*|recommend\\w*|"
                    + "refer\\w*|call\\w*|escalat\\w*|transfer\\w*|share\\w*|send|sent|tell|told|"
                    // acts of the customer's, which silence does not leave open: a call where nobody disputes
                    // the debt is one where the customer does not dispute it
                    + "disput\\w*|contest\\w*|complain\\w*|agree\\w*|refus\\w*|accept\\w*|object\\w*|deny|denie\\w*|"
                    + "admit\\w*|acknowledg\\w*|threaten\\w*)\\b");
    private static final Pattern CUSTOMER = Pattern.compile(
            "\\b(customer|lead|caller|client|prospect|user|buyer|patient|consumer|member|borrower|applicant|subscriber|"
                    + "candidate|policyholder|claimant|debtor|guest|tenant|respondent|student|passenger|owner|account holder)s?\\b");
    private static final Pattern AGENT = Pattern.compile(
            "\\b(agent|representative|rep|salesperson|sales person|advisor|adviser|operator|staff|employee|associate|consultant)s?\\b");

    static QuestionKind of(String question) {
        String lower = question.toLowerCase(Locale.ROOT).trim();
        boolean marked = YES_NO_MARKER.matcher(lower).find();
        String statement = YES_NO_MARKER
                .matcher(question)
                .replaceAll("")
                .replaceAll("\\s+", " ")
                .trim();
        String plain = statement.toLowerCase(Locale.ROOT);
        boolean yesNo = marked || YES_NO_OPENING.matcher(plain).find();
        Optional<Role> about = firstMention(plain);
        boolean occurrence = yesNo && OCCURRENCE.matcher(plain).find();
        return new QuestionKind(statement, yesNo, occurrence, about);
    }

    /**
     * The question as a plain statement for matching by meaning: without its "(Yes/No)" marker, its opening
     * auxiliary and its question mark, and with the parties named as "the customer" and "the agent" whatever the
     * use case calls them ("Is the lead interested?" reads "the customer interested").
     */
    static String proposition(String text) {
        String plain = YES_NO_MARKER.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
        plain = YES_NO_OPENING.matcher(plain.trim()).replaceFirst("");
        plain = CUSTOMER.matcher(plain).replaceAll("customer");
        plain = AGENT.matcher(plain).replaceAll("agent");
        return plain.replace("?", " ").replaceAll("\\s+", " ").trim();
    }

    /** The party named first: "Did the agent ask the customer..." is about the agent. */
    private static Optional<Role> firstMention(String question) {
        var customer = CUSTOMER.matcher(question);
        var agent = AGENT.matcher(question);
        int c = customer.find() ? customer.start() : Integer.MAX_VALUE;
        int a = agent.find() ? agent.start() : Integer.MAX_VALUE;
        if (c == Integer.MAX_VALUE && a == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(c < a ? Role.CUSTOMER : Role.AGENT);
    }
}
