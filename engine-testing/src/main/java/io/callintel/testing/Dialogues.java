package io.callintel.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scripted call-centre dialogues, rendered at test time into labelled recordings from recorded
 * espeak-ng speech ({@link SpeechClips}).
 *
 * <p>To add a script, build it with {@link Dialogue#call} and list it in {@link #all()}; its new lines
 * need their speech recorded once ({@code engine-testing/regenerate-speech.sh}). Generation is
 * deterministic: the same script gives byte-identical files (the pauses between lines vary with the
 * script's name and the line's position, not at random).
 *
 * <pre>{@code
 * SynthesizedCall call = Dialogues.generate(Dialogues.BANK_SUPPORT, CallFormat.MONO_8K_MULAW, tempDir);
 * call.file();          // the WAV
 * call.turns();         // who spoke when, and what
 * }</pre>
 */
public final class Dialogues {

    public static final Dialogue BANK_SUPPORT = Dialogue.call("bank-support")
            .agent("Thank you for calling Northwind Bank, my name is Sarah, how can I help you today?")
            .customer("Hi, I think I lost my debit card yesterday, and I'm worried someone might use it.")
            .agent("I'm sorry to hear that. I can block the card for you right away.")
            .agent("Can I have your account number please?")
            .customer("Yes, it's four five two, seven seven one, nine zero eight.")
            .agent("Thank you. And can you confirm your date of birth?")
            .customer("The third of March, nineteen eighty six.")
            .agent("Thank you. I can see two card payments this morning. Did you make those?")
            .customer("No, I didn't. I was at home all morning.")
            .agent("Okay. I have blocked the card and opened a dispute for both payments.")
            .customer("That's a relief. When will I get a new card?")
            .agent("Your new card will arrive within five working days. Anything else?")
            .customer("No, that's everything, thank you so much.")
            .build();

    public static final Dialogue LOAN_SALES = Dialogue.call("loan-sales")
            .agent("Good afternoon, this is Mark from Contoso Finance. Is that Mrs Patel?")
            .customer("Yes, speaking. What is this about?")
            .agent("You asked about a personal loan on our website, so I'm calling about the options.")
            .customer("Oh right, yes. I'm thinking about borrowing money for a new kitchen.")
            .agent("How much would you like to borrow, and over how many years?")
            .customer("Fifteen thousand pounds, over five years.")
            .agent("For that amount our rate is six point nine percent, fixed for the whole term.")
            .customer("And what would the monthly payment be?")
            .agent("About two hundred and ninety six pounds a month.")
            .customer("That's a bit more than I hoped. Are there any fees?")
            .agent("There are no arrangement fees, and you can repay early without any charge.")
            .customer("Okay, send me the details by email and I'll think about it.")
            .agent("Of course. I'll send them today. Thank you for your time.")
            .build();

    public static final Dialogue APPOINTMENT = Dialogue.call("appointment")
            .agent("Good morning, Riverside Dental Clinic, you're speaking with Tom. How may I help?")
            .customer("Hello, I'd like to book a check-up and a cleaning, please.")
            .agent("Certainly. Are you already registered with us?")
            .customer("Yes, I am. My name is Emma Clarke.")
            .agent("Thank you, Emma. I have your record here. Which day would suit you?")
            .customer("Is there anything next Tuesday, in the afternoon?")
            .agent("Next Tuesday I have a slot at two thirty, or one at four fifteen.")
            .customer("Four fifteen would be perfect, because I finish work at three.")
            .agent("Great, that's booked with Doctor Green for four fifteen next Tuesday.")
            .agent("We'll send you a text reminder the day before.")
            .customer("Lovely. Should I bring anything with me?")
            .agent("Just a list of any medicines you take. See you on Tuesday.")
            .customer("Thanks, goodbye.")
            .build();

    public static final Dialogue COMPLAINT = Dialogue.call("complaint")
            .agent("Thank you for calling Fabrikam Broadband, my name is James. How can I help you today?")
            .customer("I want to make a complaint. My internet has been down for three days now.")
            .agent("I'm really sorry about that. Can I have your account number please?")
            .customer("It's eight eight three one two six.")
            .agent("Thank you. I can see there is a fault on the line in your area.")
            .customer("Nobody told me anything! I work from home, and I've lost three days of work.")
            .agent("I completely understand your frustration, and I apologise.")
            .agent("An engineer is booked for tomorrow morning between eight and twelve.")
            .customer("And what about the days without service? I'm still paying for them.")
            .agent("I'll add a credit of thirty pounds to your next bill as compensation.")
            .customer("Fine. But if it's not fixed tomorrow, I'm cancelling my contract.")
            .agent("Understood. I've noted that on your account, and I'll call you tomorrow afternoon.")
            .build();

    /** An outbound call: the customer picks up and speaks first. */
    public static final Dialogue CALLBACK = Dialogue.call("callback")
            .customer("Hello?")
            .agent("Hello, this is Lisa calling back from Tailspin Insurance about your claim.")
            .customer("Oh, hello. Yes, I was expecting your call.")
            .agent("I have good news. Your claim for the water damage has been approved.")
            .customer("That's wonderful. How much will you pay?")
            .agent(
                    "We'll cover the full repair cost of two thousand four hundred pounds, minus the excess of two hundred.")
            .customer("When will the money be in my account?")
            .agent("The payment will reach your account within three working days.")
            .customer("Brilliant. Do I need to sign anything?")
            .agent("No, there's nothing more you need to do. I'll email you a confirmation today.")
            .customer("Thank you very much for your help.")
            .agent("You're welcome. Have a lovely day.")
            .build();

    /** Three parties: the agent hands an unhappy customer over to a supervisor (speaker 2). */
    public static final Dialogue ESCALATION = Dialogue.with("escalation", Voice.AGENT, Voice.CUSTOMER, Voice.SUPERVISOR)
            .agent("Thank you for calling Adventure Works, this is Paul speaking. How can I help?")
            .customer("I ordered a tent three weeks ago and it still hasn't arrived. I want to speak to a manager.")
            .agent("I'm sorry about the delay. Let me transfer you to my supervisor, one moment please.")
            .line(2, "Hello, this is Karen, the team supervisor. I understand your order is late.")
            .customer("Yes, three weeks late, and nobody has called me about it.")
            .line(
                    2,
                    "I apologise. I can see it was sent to the wrong warehouse. I'll ship a new tent today by express delivery.")
            .customer("Will I have to pay for the express delivery?")
            .line(2, "No, there's no charge, and I'll refund your original delivery fee as well.")
            .customer("Alright, thank you. That's much better.")
            .line(2, "You're welcome. Paul will send you the tracking number by email.")
            .agent("Yes, you'll have it within the hour. Is there anything else?")
            .customer("No, that's all. Goodbye.")
            .build();

    /** One voice only, as on a voicemail or a call where only the agent's side is recorded. */
    public static final Dialogue VOICEMAIL = Dialogue.call("voicemail")
            .agent("Hello, this is Sarah from Northwind Bank, returning your call from this morning.")
            .agent("I've had a look at your account, and the payment you asked about has now been refunded.")
            .agent("It should show on your statement within two working days.")
            .agent("If you have any other questions, please call us back on the usual number.")
            .agent("Our lines are open from eight in the morning until eight in the evening, Monday to Saturday.")
            .agent("You can also reach us through the secure messages in the mobile app.")
            .agent("Thank you, and have a good day. Goodbye.")
            .build();

    private static final Map<Dialogue, RenderedDialogue> RENDERED = new ConcurrentHashMap<>();

    private Dialogues() {}

    /** The two-party calls: each 30-60 s, agent and customer in the standard voices. */
    public static List<Dialogue> all() {
        return List.of(BANK_SUPPORT, LOAN_SALES, APPOINTMENT, COMPLAINT, CALLBACK);
    }

    /**
     * Writes the dialogue as {@code <name>-<format>.wav} in {@code directory}. Synthesis runs once per
     * dialogue and JVM; the other formats reuse it.
     */
    public static SynthesizedCall generate(Dialogue dialogue, CallFormat format, Path directory) {
        return RENDERED.computeIfAbsent(dialogue, RenderedDialogue::render)
                .write(format, directory.resolve(dialogue.name() + "-" + format.fileSuffix()));
    }
}
