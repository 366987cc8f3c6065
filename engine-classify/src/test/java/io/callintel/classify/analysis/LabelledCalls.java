package io.callintel.classify.analysis;

import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import io.callintel.testing.Dialogue;
import java.util.List;
import java.util.Map;

/**
 * The labelled set for the analysis accuracy test: three use cases of our own, each with its
 * questions and buckets as a customer would write them, and scripted calls with the answers and
 * bucket a person would give. Every use case has clear, negated, hedged and off-topic calls.
 * The calls are synthesized (espeak-ng) and go through the real recognizer before analysis.
 */
final class LabelledCalls {

    /**
     * One call and what a person would say about it: an answer per Yes/No question (in order) and a
     * bucket. The open question, last in every use case, is labelled in {@link #OPEN_ANSWERS}.
     */
    record Labelled(UseCase useCase, Dialogue dialogue, List<String> answers, String bucket) {}

    record UseCase(String name, AnalysisConfig config) {}

    static final UseCase LOANS = new UseCase(
            "loans",
            new AnalysisConfig(
                    List.of(
                            QuestionDefinition.of("Is the lead interested in the loan offer? (Yes/No)"),
                            QuestionDefinition.of("Did the agent mention the interest rate? (Yes/No)"),
                            QuestionDefinition.of("What does the lead want to do about the loan?")),
                    List.of(
                            BucketDefinition.of(
                                    "Hot Lead", "The lead is clearly interested and wants to go ahead with the loan."),
                            BucketDefinition.of(
                                    "Warm Lead",
                                    "The lead shows some interest but is undecided and wants more time or information."),
                            BucketDefinition.of("Cold Lead", "The lead is not interested in the loan."),
                            BucketDefinition.of(
                                    "Not Clear",
                                    "If it is not clear whether the lead is interested, or the call is about something else."))));

    static final UseCase SUPPORT = new UseCase(
            "support",
            new AnalysisConfig(
                    List.of(
                            QuestionDefinition.of("Was the customer's problem resolved? (Yes/No)"),
                            QuestionDefinition.of("Did the customer ask for a refund? (Yes/No)"),
                            QuestionDefinition.of("What problem did the customer report?")),
                    List.of(
                            BucketDefinition.of("Resolved", "The problem was fixed and the customer is happy."),
                            BucketDefinition.of("Unresolved", "The problem was not fixed and the customer is unhappy."),
                            BucketDefinition.of(
                                    "Follow Up", "The customer will try the suggested fix later and may call back."))));

    static final UseCase APPOINTMENTS = new UseCase(
            "appointments",
            new AnalysisConfig(
                    List.of(
                            QuestionDefinition.of("Did the customer book an appointment? (Yes/No)"),
                            QuestionDefinition.of("Did the agent ask for the customer's phone number? (Yes/No)"),
                            QuestionDefinition.of("When is the appointment?")),
                    List.of(
                            BucketDefinition.of("Booked", "An appointment was booked for the customer."),
                            BucketDefinition.of("Declined", "The customer did not want an appointment."),
                            BucketDefinition.of("Not Clear", "If it is not clear whether an appointment was made."))));

    /** Written after the method was tuned on the three use cases above, and never tuned on: the held-out check. */
    static final UseCase RETENTION = new UseCase(
            "retention",
            new AnalysisConfig(
                    List.of(
                            QuestionDefinition.of("Does the customer want to cancel the subscription? (Yes/No)"),
                            QuestionDefinition.of("Did the agent offer a discount? (Yes/No)"),
                            QuestionDefinition.of("Why does the customer want to cancel?")),
                    List.of(
                            BucketDefinition.of("Retained", "The customer decided to keep the subscription."),
                            BucketDefinition.of("Cancelled", "The customer cancelled the subscription and is leaving."),
                            BucketDefinition.of(
                                    "Undecided", "The customer has not decided yet and wants time to think."))));

    static final List<Labelled> HELD_OUT = List.of(
            new Labelled(
                    RETENTION,
                    Dialogue.call("retention-kept-discount")
                            .agent(
                                    "Hello, this is Mike from Stream Plus. I understand you want to cancel your subscription.")
                            .customer("Yes, it is too expensive for me.")
                            .agent("I can offer you a discount of fifty percent for the next six months.")
                            .customer("Oh, that is great. In that case I will keep it.")
                            .agent("Perfect, the discount is applied.")
                            .build(),
                    List.of("No", "Yes"),
                    "Retained"),
            new Labelled(
                    RETENTION,
                    Dialogue.call("retention-kept-plain")
                            .agent("Stream Plus, Mike speaking. How can I help you?")
                            .customer("I was going to cancel, but my kids love the cartoons.")
                            .customer("So no, I don't want to cancel. I will stay.")
                            .agent("Great, thank you for staying with us.")
                            .build(),
                    List.of("No", "No"),
                    "Retained"),
            new Labelled(
                    RETENTION,
                    Dialogue.call("retention-cancelled-discount")
                            .agent("Hello, Stream Plus, this is Mike. How can I help?")
                            .customer("I want to cancel my subscription today.")
                            .agent("We can give you a discount of thirty percent if you stay.")
                            .customer("No thanks. I don't watch it any more. Please cancel it.")
                            .agent("Okay, your subscription is cancelled.")
                            .build(),
                    List.of("Yes", "Yes"),
                    "Cancelled"),
            new Labelled(
                    RETENTION,
                    Dialogue.call("retention-cancelled-plain")
                            .agent("Stream Plus, Mike speaking.")
                            .customer("Hi, please cancel my account. I am moving abroad.")
                            .agent("I am sorry to hear that. I have cancelled it for you.")
                            .customer("Thank you, goodbye.")
                            .build(),
                    List.of("Yes", "No"),
                    "Cancelled"),
            new Labelled(
                    RETENTION,
                    Dialogue.call("retention-undecided-discount")
                            .agent("Hello, this is Mike from Stream Plus. You asked about cancelling.")
                            .customer("Yes, I am thinking about it.")
                            .agent("We could offer you a discount of twenty percent.")
                            .customer("Hmm, maybe. I am not sure. Let me think about it and call you back.")
                            .build(),
                    List.of("Unclear", "Yes"),
                    "Undecided"),
            new Labelled(
                    RETENTION,
                    Dialogue.call("retention-undecided-plain")
                            .agent("Stream Plus, this is Mike. How can I help you today?")
                            .customer("I don't know if I should keep my subscription.")
                            .customer("I need to talk to my husband first. I will decide next week.")
                            .agent("No problem, take your time.")
                            .build(),
                    List.of("Unclear", "No"),
                    "Undecided"));

    static final List<Labelled> ALL = List.of(
            // Loans: clear yes, with and without the rate; refusals; hedging; off topic.
            new Labelled(
                    LOANS,
                    Dialogue.call("loan-hot-rate")
                            .agent(
                                    "Good morning, this is David from City Bank. I am calling about our personal loan offer.")
                            .customer("Oh yes, hello.")
                            .agent("We can lend you up to ten thousand dollars at an interest rate of five percent.")
                            .customer("Yes, I am very interested in the loan. Let's go ahead.")
                            .agent("Great, I will send you the application today.")
                            .customer("Perfect, thank you.")
                            .build(),
                    List.of("Yes", "Yes"),
                    "Hot Lead"),
            new Labelled(
                    LOANS,
                    Dialogue.call("loan-hot-norate")
                            .agent("Hello, this is David from City Bank. Would you like to hear about our new loan?")
                            .customer("Yes please, I want a loan to buy a car.")
                            .agent("We can lend you up to twenty thousand dollars over five years.")
                            .customer("That sounds great. I want to apply today.")
                            .agent("Wonderful, I will send you the forms.")
                            .build(),
                    List.of("Yes", "No"),
                    "Hot Lead"),
            new Labelled(
                    LOANS,
                    Dialogue.call("loan-cold-rate")
                            .agent("Good afternoon, this is David from City Bank. I am calling about a personal loan.")
                            .agent("Our interest rate is only four percent this month.")
                            .customer("No thank you. I am not interested in a loan.")
                            .agent("Are you sure? It is a very good rate.")
                            .customer("Yes, I am sure. I do not need any money.")
                            .build(),
                    List.of("No", "Yes"),
                    "Cold Lead"),
            new Labelled(
                    LOANS,
                    Dialogue.call("loan-cold-norate")
                            .agent("Hello, this is David from City Bank. We have a loan offer for you.")
                            .customer("No, I don't want to borrow any money.")
                            .agent("It only takes a few minutes to apply.")
                            .customer("I said no. I am not interested. Please do not call me again.")
                            .build(),
                    List.of("No", "No"),
                    "Cold Lead"),
            new Labelled(
                    LOANS,
                    Dialogue.call("loan-warm-rate")
                            .agent("Good morning, this is David from City Bank, calling about our loan offer.")
                            .agent("The interest rate is six percent, fixed for five years.")
                            .customer("Hmm, maybe. I am not sure yet.")
                            .customer("I need to think about it and talk to my wife first.")
                            .agent("Of course. I can call you back next week.")
                            .build(),
                    List.of("Unclear", "Yes"),
                    "Warm Lead"),
            new Labelled(
                    LOANS,
                    Dialogue.call("loan-warm-norate")
                            .agent("Hello, this is David from City Bank. Can I tell you about our personal loan?")
                            .customer("It might be useful, but I can't decide right now.")
                            .customer("Send me the details and call me back later.")
                            .agent("No problem, I will email you the information.")
                            .build(),
                    List.of("Unclear", "No"),
                    "Warm Lead"),
            new Labelled(
                    LOANS,
                    Dialogue.call("loan-offtopic-branch")
                            .agent("Good morning, City Bank, this is David speaking. How can I help you?")
                            .customer("Hello. What time does the main branch open on Saturday?")
                            .agent("The main branch opens at nine in the morning on Saturday.")
                            .customer("Thank you. And where can I park my car?")
                            .agent("There is a car park behind the building.")
                            .build(),
                    List.of("Unclear", "No"),
                    "Not Clear"),
            new Labelled(
                    LOANS,
                    Dialogue.call("loan-offtopic-address")
                            .agent("Hello, City Bank, David speaking.")
                            .customer("Hi, I moved house last month and I need to change my address.")
                            .agent("I can do that for you. What is the new address?")
                            .customer("It is twelve Park Road, London.")
                            .agent("Done. Your address is updated.")
                            .build(),
                    List.of("Unclear", "No"),
                    "Not Clear"),

            // Support: fixed, not fixed (one asks for a refund), will try later.
            new Labelled(
                    SUPPORT,
                    Dialogue.call("support-resolved-router")
                            .agent("Thank you for calling Tech Support, my name is Anna. How can I help you?")
                            .customer("My internet is not working since this morning.")
                            .agent("Please turn the router off and on again.")
                            .customer("Okay, I did that. Yes, it works now. Thank you so much.")
                            .agent("You are welcome. Have a nice day.")
                            .build(),
                    List.of("Yes", "No"),
                    "Resolved"),
            new Labelled(
                    SUPPORT,
                    Dialogue.call("support-resolved-password")
                            .agent("Tech Support, this is Anna speaking. What can I do for you?")
                            .customer("I cannot log in to my account.")
                            .agent("I have reset your password. Please try again now.")
                            .customer("Great, I am in. The problem is solved. Thanks.")
                            .build(),
                    List.of("Yes", "No"),
                    "Resolved"),
            new Labelled(
                    SUPPORT,
                    Dialogue.call("support-unresolved-refund")
                            .agent("Thank you for calling Tech Support, my name is Anna. How can I help?")
                            .customer("My new printer does not print anything.")
                            .agent("Please check that the cable is connected.")
                            .customer("It is connected and it still does not work. I am very unhappy.")
                            .customer("I want a refund. Please give me my money back.")
                            .agent("I understand. I will pass your refund request to our billing team.")
                            .build(),
                    List.of("No", "Yes"),
                    "Unresolved"),
            new Labelled(
                    SUPPORT,
                    Dialogue.call("support-unresolved-broken")
                            .agent("Tech Support, Anna speaking. How can I help you today?")
                            .customer("My phone screen is black and it will not turn on.")
                            .agent("Please hold the power button for ten seconds.")
                            .customer("No, that did not help. It is still broken.")
                            .agent("I am sorry. I could not fix it today.")
                            .customer("This is terrible. I am really not happy.")
                            .build(),
                    List.of("No", "No"),
                    "Unresolved"),
            new Labelled(
                    SUPPORT,
                    Dialogue.call("support-followup-update")
                            .agent("Thank you for calling Tech Support, my name is Anna. How can I help?")
                            .customer("My laptop is very slow.")
                            .agent("Please install the latest update tonight and restart the laptop.")
                            .customer("Okay, maybe that will help. I will try it later.")
                            .customer("If it is still slow I might call you back tomorrow.")
                            .build(),
                    List.of("Unclear", "No"),
                    "Follow Up"),
            new Labelled(
                    SUPPORT,
                    Dialogue.call("support-followup-cable")
                            .agent("Tech Support, this is Anna. What seems to be the problem?")
                            .customer("My television has no sound.")
                            .agent("Please try a new cable for the speakers.")
                            .customer("I don't have a cable at home. I will buy one and try it next week.")
                            .customer("I am not sure it will help, but I will call back if it does not.")
                            .build(),
                    List.of("Unclear", "No"),
                    "Follow Up"),

            // Appointments: booked, declined, unclear.
            new Labelled(
                    APPOINTMENTS,
                    Dialogue.call("appointment-booked-phone")
                            .agent("Good morning, Green Dental Clinic, this is Lucy. How can I help you?")
                            .customer("Hello, I would like to book an appointment with the dentist.")
                            .agent("Of course. Can I have your phone number please?")
                            .customer("It is five five five, one two three four.")
                            .agent("Thank you. You are booked for Monday at ten in the morning.")
                            .customer("Great, thank you. See you on Monday.")
                            .build(),
                    List.of("Yes", "Yes"),
                    "Booked"),
            new Labelled(
                    APPOINTMENTS,
                    Dialogue.call("appointment-booked-nophone")
                            .agent("Green Dental Clinic, Lucy speaking.")
                            .customer("Hi, I need a check up. Do you have anything on Friday?")
                            .agent("Yes, we have a free slot on Friday at two in the afternoon.")
                            .customer("Yes please, book me in for Friday at two.")
                            .agent("Done, your appointment is booked.")
                            .build(),
                    List.of("Yes", "No"),
                    "Booked"),
            new Labelled(
                    APPOINTMENTS,
                    Dialogue.call("appointment-declined-phone")
                            .agent("Good afternoon, this is Lucy from Green Dental Clinic. You are due for a check up.")
                            .agent("Can I have your phone number to send you a reminder?")
                            .customer("No thank you. I do not want an appointment.")
                            .customer("I already have a dentist near my work.")
                            .agent("No problem. Have a nice day.")
                            .build(),
                    List.of("No", "Yes"),
                    "Declined"),
            new Labelled(
                    APPOINTMENTS,
                    Dialogue.call("appointment-declined-cost")
                            .agent(
                                    "Hello, Green Dental Clinic, this is Lucy. Would you like to book your yearly check up?")
                            .customer("No, I don't want to book anything. It is too expensive.")
                            .agent("I understand. You can call us any time.")
                            .build(),
                    List.of("No", "No"),
                    "Declined"),
            new Labelled(
                    APPOINTMENTS,
                    Dialogue.call("appointment-unclear-calendar")
                            .agent("Green Dental Clinic, this is Lucy. How can I help you?")
                            .customer("Hi, I was thinking about a check up, but I don't know my plans yet.")
                            .agent("We have some free slots next week.")
                            .customer("Maybe. I need to check my calendar first. I will call you back.")
                            .build(),
                    List.of("No", "No"),
                    "Not Clear"),
            new Labelled(
                    APPOINTMENTS,
                    Dialogue.call("appointment-unclear-price")
                            .agent("Good morning, Green Dental Clinic, Lucy speaking.")
                            .customer("Hello, how much does a cleaning cost?")
                            .agent("A cleaning costs eighty dollars.")
                            .customer("Okay, thank you for the information. Goodbye.")
                            .build(),
                    List.of("No", "No"),
                    "Not Clear"));

    /** Where the open question sits in every use case's questions: after the two Yes/No questions. */
    static final int OPEN_QUESTION = 2;

    /**
     * What a person would accept as the answer to each call's open question: the answer sentence must
     * contain at least one of these words or phrases (lower case, whole words). An empty list means the
     * call never answers the question, and the right answer is none (""). The phrases are words the
     * recognizer plausibly gets; they were written from the scripts, before the method was measured or
     * changed, and are not edited to fit results. RETENTION's are the held-out check.
     */
    static final Map<String, List<String>> OPEN_ANSWERS = Map.ofEntries(
            // "What does the lead want to do about the loan?": go ahead, refuse, think it over; nothing off topic.
            Map.entry("loan-hot-rate", List.of("go ahead", "interested")),
            Map.entry("loan-hot-norate", List.of("apply", "buy a car", "want a loan")),
            Map.entry("loan-cold-rate", List.of("not interested", "need any money", "no thank you")),
            Map.entry("loan-cold-norate", List.of("borrow", "not interested", "call me again")),
            Map.entry("loan-warm-rate", List.of("think about it", "wife", "not sure")),
            Map.entry("loan-warm-norate", List.of("details", "call me back", "decide")),
            Map.entry("loan-offtopic-branch", List.of()),
            Map.entry("loan-offtopic-address", List.of()),
            // "What problem did the customer report?": the fault itself.
            Map.entry("support-resolved-router", List.of("internet", "not working")),
            Map.entry("support-resolved-password", List.of("log in", "login", "account")),
            Map.entry("support-unresolved-refund", List.of("printer", "print")),
            Map.entry("support-unresolved-broken", List.of("screen", "phone", "turn on", "black")),
            Map.entry("support-followup-update", List.of("laptop", "slow")),
            Map.entry("support-followup-cable", List.of("television", "sound")),
            // "When is the appointment?": the day booked; none where nothing was booked.
            Map.entry("appointment-booked-phone", List.of("monday")),
            Map.entry("appointment-booked-nophone", List.of("friday")),
            Map.entry("appointment-declined-phone", List.of()),
            Map.entry("appointment-declined-cost", List.of()),
            Map.entry("appointment-unclear-calendar", List.of()),
            Map.entry("appointment-unclear-price", List.of()),
            // Held out. "Why does the customer want to cancel?": the reason; none where no reason is given.
            Map.entry("retention-kept-discount", List.of("expensive")),
            Map.entry("retention-kept-plain", List.of()),
            Map.entry("retention-cancelled-discount", List.of("watch")),
            Map.entry("retention-cancelled-plain", List.of("moving", "abroad")),
            Map.entry("retention-undecided-discount", List.of()),
            Map.entry("retention-undecided-plain", List.of()));

    private LabelledCalls() {}
}
