package io.callintel.bench;

import io.callintel.classify.index.IndexedSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Transcript-like call text for the analysis benchmarks, without running recognition: what the recognizer
 * prints (lower case, no punctuation), agent and customer lines of bank, loan, card and subscription calls,
 * 5-25 words each, with names, products and amounts varied so that thousands of calls do not repeat one
 * vocabulary. Deterministic for a seed.
 */
final class CallText {

    /** A 10-minute call averages about 150 utterances: 4 s each, pauses included. */
    static final int SEGMENTS_PER_CALL = 150;

    private static final String[] AGENT = {
        "thank you for calling {company} my name is {name} how can i help you today",
        "can i have your account number and your date of birth please",
        "i can see your {product} here on the system",
        "the interest rate on the {product} is {number} point {digit} percent fixed for {digit} years",
        "let me check that for you please hold the line for a moment",
        "thank you for holding i have found the payment of {number} pounds from last {day}",
        "is there anything else i can help you with today",
        "would you like me to send the details to your email address",
        "the monthly payment would be about {number} pounds over {digit} years",
        "there are no arrangement fees and you can repay early without any charge",
        "i understand your concern let me see what i can do about the {issue}",
        "i have blocked the card and opened a dispute for both payments",
        "your new card will arrive within {digit} working days",
        "i can offer you a discount of {number} percent if you stay with us for another year",
        "so just to confirm you would like to go ahead with the {product}",
        "i can book you an appointment with our advisor on {day} at {digit} o'clock",
        "the {issue} should be resolved within {digit} working days and we will send you a letter",
    };

    private static final String[] CUSTOMER = {
        "hi i'm calling about my {product} i have a question about it",
        "yes i'm very interested in the {product} let's go ahead with it",
        "no thank you i'm not interested at the moment",
        "i'm not sure i need to think about it and talk to my {relative}",
        "i was charged twice for the {issue} last {day} and i want a refund",
        "can you tell me what the interest rate would be on {number} pounds",
        "could you call me back on {day} please i'm at work right now",
        "that seems a bit high are there any fees i should know about",
        "okay send me the details by email and i'll have a look",
        "i think i lost my debit card yesterday and i'm worried someone might use it",
        "i want to cancel my {product} because it's too expensive",
        "that's fine thank you very much for your help {name}",
        "how long will it take for the {issue} to be sorted out",
        "i've been a customer for {digit} years and this is the first time this has happened",
        "yes that's correct the account is in my name",
        "the {relative} usually deals with the {product} but they are away this week",
    };

    private static final String[] CONNECTORS = {"and", "but", "so", "and also", "because", "and then"};
    private static final String[] COMPANY = {
        "northwind bank",
        "contoso finance",
        "fabrikam insurance",
        "tailspin telecom",
        "woodgrove credit union",
        "litware energy",
        "adatum mobile",
        "proseware broadband"
    };
    private static final String[] NAME = {
        "sarah", "mark", "priya", "james", "fatima", "tom", "elena", "david", "grace", "omar", "lucy", "ahmed", "chloe",
        "daniel", "maria", "kevin"
    };
    private static final String[] PRODUCT = {
        "personal loan",
        "mortgage",
        "credit card",
        "savings account",
        "car insurance",
        "home insurance",
        "broadband contract",
        "mobile plan",
        "energy tariff",
        "current account",
        "overdraft",
        "subscription",
        "fixed rate saver",
        "business loan",
        "travel insurance",
        "pension plan"
    };
    private static final String[] ISSUE = {
        "direct debit",
        "late payment fee",
        "card payment",
        "bill",
        "refund",
        "overcharge",
        "installation",
        "router",
        "chargeback",
        "standing order",
        "claim",
        "meter reading",
        "roaming charge",
        "transfer"
    };
    private static final String[] DAY = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "week", "month"
    };
    private static final String[] RELATIVE = {"wife", "husband", "partner", "son", "daughter", "accountant", "mother"};
    private static final String[] NUMBER = {
        "twenty",
        "fifty",
        "ninety nine",
        "two hundred",
        "four hundred and fifty",
        "one thousand",
        "five thousand",
        "fifteen thousand",
        "twenty five thousand",
        "three"
    };
    private static final String[] DIGIT = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

    private CallText() {}

    /** {@code count} utterances, agent and customer alternating. */
    static List<String> sentences(int count, long seed) {
        Random random = new Random(seed);
        List<String> sentences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sentences.add(utterance(i % 2 == 0, random));
        }
        return sentences;
    }

    /**
     * One call's segments as the index keeps them: {@link #SEGMENTS_PER_CALL} utterances, agent and customer
     * taking turns, timed at 2.5 words a second with 0.3-1.5 s pauses (about 10 minutes).
     */
    static List<IndexedSegment> call(String org, String usecase, String recording, long seed) {
        Random random = new Random(seed);
        List<IndexedSegment> segments = new ArrayList<>(SEGMENTS_PER_CALL);
        double at = 0.5;
        for (int i = 0; i < SEGMENTS_PER_CALL; i++) {
            boolean agent = i % 2 == 0;
            String text = utterance(agent, random);
            double end = at + text.split(" ").length / 2.5;
            segments.add(new IndexedSegment(
                    org,
                    usecase,
                    recording,
                    agent ? "SPEAKER_1" : "SPEAKER_2",
                    agent ? "agent" : "customer",
                    round(at),
                    round(end),
                    text));
            at = end + 0.3 + 1.2 * random.nextDouble();
        }
        return segments;
    }

    /** One template, or two joined (a longer turn), cut to at most 25 words; templates have at least 5. */
    private static String utterance(boolean agent, Random random) {
        String[] templates = agent ? AGENT : CUSTOMER;
        String text = fill(templates[random.nextInt(templates.length)], random);
        if (random.nextDouble() < 0.3) {
            text += " " + pick(CONNECTORS, random) + " " + fill(templates[random.nextInt(templates.length)], random);
        }
        String[] words = text.split(" ");
        return words.length <= 25 ? text : String.join(" ", Arrays.copyOf(words, 25));
    }

    private static String fill(String template, Random random) {
        return template.replace("{company}", pick(COMPANY, random))
                .replace("{name}", pick(NAME, random))
                .replace("{product}", pick(PRODUCT, random))
                .replace("{issue}", pick(ISSUE, random))
                .replace("{day}", pick(DAY, random))
                .replace("{relative}", pick(RELATIVE, random))
                .replace("{number}", pick(NUMBER, random))
                .replace("{digit}", pick(DIGIT, random));
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
