package io.callintel.classify.analysis;

import io.callintel.core.analytics.Evidence;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import io.callintel.core.usecase.QuestionDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Answers one question about a call: open questions with the sentence that answers them, "did X happen"
 * with whether the party said it, and "is X the case" with which way the party leans ({@link Polarity}).
 */
final class QuestionAnswerer {

    /** Below this much weighted for-or-against, the call said nothing about the question. */
    private static final double MIN_EVIDENCE = 0.05;

    /** Intent support from which the party plainly showed it. */
    static final double SHOWN = 0.45;
    /** The same, for "did the agent do X": an agent's duty is shown or not, with no opposite to weigh it against. */
    static final double OCCURRED = 0.45;

    private final CallAnalyzer.Thresholds thresholds;
    private final IntentLibrary library;

    QuestionAnswerer(CallAnalyzer.Thresholds thresholds, IntentLibrary library) {
        this.thresholds = thresholds;
        this.library = library;
    }

    QuestionAnswer answer(QuestionDefinition question, ScoredCall call) {
        QuestionKind kind = QuestionKind.of(question.question());
        Set<String> topic = ContentWords.topic(kind.statement() + " " + String.join(" ", question.keywords()));
        String probe =
                kind.statement() + (question.keywords().isEmpty() ? "" : " " + String.join(" ", question.keywords()));
        Role about = kind.about().orElse(null);
        if (!kind.yesNo()) {
            AnswerType type = AnswerType.of(kind.statement());
            if (!presupposed(kind, type, about, call)) {
                return new QuestionAnswer(question.question(), "", 0, List.of());
            }
            return openAnswer(question.question(), call.byMeaning(probe, about), about, type);
        }
        String proposition = QuestionKind.proposition(kind.statement());
        List<Intent> intents = library.match(call.encode(proposition), Negation.negated(proposition), about);
        Set<String> content = ContentWords.withoutActs(topic);
        if (!intents.isEmpty()) {
            QuestionAnswer byIntent = byIntent(question.question(), kind, intents, call);
            boolean duty = kind.occurrence() && !hasOpposite(intents);
            if (!byIntent.answer().equals(QuestionAnswer.NO) || !duty) {
                return byIntent;
            }
            // "Did the agent mention the interest rate?": the topic's own words said plainly are a mention, however
            // the recogniser garbled the rest of the sentence. Not for a stance with an opposite ("did the customer
            // promise to pay?"), where "pay" is said either way.
            QuestionAnswer literal =
                    occurrence(question.question(), call.ownUtterances(probe, content, about), content, about);
            return literal.answer().equals(QuestionAnswer.YES) ? literal : byIntent;
        }
        List<Relevance> ranked = call.relevance(probe, topic).stream()
                .filter(r -> about == null || r.unit().has(about))
                .toList();
        if (kind.occurrence()) {
            return occurrence(question.question(), call.ownUtterances(probe, content, about), content, about);
        }
        return stance(question.question(), ranked, about, topic, call.callEnd());
    }

    /**
     * A Yes/No question that means one of the library's intents: Yes when the party shows it plainly, and for a
     * stance, No when they show its opposite more, Unclear when they show neither, or hedge more than either.
     */
    private QuestionAnswer byIntent(String question, QuestionKind kind, List<Intent> intents, ScoredCall call) {
        Role party = intents.get(0).party();
        List<Relevance> yes = call.intentSupport(library, intents, party, List.of());
        double y = yes.isEmpty() ? 0 : yes.get(0).score();
        boolean hasOpposite = hasOpposite(intents);
        if (kind.occurrence() && !hasOpposite) {
            boolean shown = y >= OCCURRED;
            return new QuestionAnswer(
                    question,
                    shown ? QuestionAnswer.YES : QuestionAnswer.NO,
                    ScoredCall.clamp(0.5 + 2 * Math.abs(y - OCCURRED)),
                    shown ? ScoredCall.evidence(yes.subList(0, 1)) : List.of());
        }
        List<Intent> opposites = intents.stream()
                .flatMap(intent -> library.opposite(intent).stream())
                .distinct()
                .toList();
        List<Relevance> no = opposites.isEmpty() ? List.of() : call.intentSupport(library, opposites, party, List.of());
        double n = no.isEmpty() ? 0 : no.get(0).score();
        List<Relevance> hedges = call.intentSupport(library, library.hedges(), party, List.of());
        double h = hedges.isEmpty() ? 0 : hedges.get(0).score();
        double best = Math.max(y, n);
        if (best < SHOWN || h > best) {
            List<Relevance> cited = h > best && !hedges.isEmpty() ? hedges.subList(0, 1) : List.of();
            // "Did the customer promise to pay?" is No when they never plainly did.
            return new QuestionAnswer(
                    question,
                    kind.occurrence() ? QuestionAnswer.NO : QuestionAnswer.UNCLEAR,
                    ScoredCall.clamp(0.5 + Math.max(0, SHOWN - best) + Math.max(0, h - best)),
                    ScoredCall.evidence(cited));
        }
        // Where the party ends up decides: "I was going to cancel ... so I'll keep it" keeps it.
        Relevance lastYes = latestShown(yes);
        Relevance lastNo = latestShown(no);
        boolean agrees = lastNo == null || (lastYes != null && end(lastYes) >= end(lastNo));
        Relevance decisive = agrees ? lastYes : lastNo;
        double margin = decisive.score() - SHOWN;
        double uncontested = lastYes != null && lastNo != null ? 0 : 0.15; // one side never shown: surer
        return new QuestionAnswer(
                question,
                agrees ? QuestionAnswer.YES : QuestionAnswer.NO,
                ScoredCall.clamp(0.5 + 2 * margin + uncontested),
                ScoredCall.evidence(List.of(decisive)));
    }

    /** Whether any of the intents has an opposite: a stance, not a duty that is simply done or not. */
    private boolean hasOpposite(List<Intent> intents) {
        return intents.stream().anyMatch(intent -> library.opposite(intent).isPresent());
    }

    /** The last unit in time that plainly shows the intent, or null. */
    static Relevance latestShown(List<Relevance> support) {
        Relevance latest = null;
        for (Relevance r : support) {
            if (r.score() >= SHOWN && (latest == null || end(r) > end(latest))) {
                latest = r;
            }
        }
        return latest;
    }

    private static double end(Relevance r) {
        List<Segment> segments = r.unit().segments();
        return segments.get(segments.size() - 1).end();
    }

    /**
     * Whether what an open question takes for granted happened: "When will the customer pay?" has no answer in a
     * call where the customer never promises to pay, however many dates are said in it. Only for questions that
     * ask for a time, an amount or a reason of something the library knows ("the customer will pay" means a
     * promise to pay); a question that means no intent takes nothing for granted.
     */
    private boolean presupposed(QuestionKind kind, AnswerType type, Role about, ScoredCall call) {
        if (type == AnswerType.ANY || type == AnswerType.NAME) {
            return true;
        }
        String statement = QuestionKind.proposition(type.withoutAsking(kind.statement()));
        List<Intent> intents = library.match(call.encode(statement), Negation.negated(statement), about);
        if (intents.isEmpty()) {
            return true;
        }
        List<Relevance> shown =
                call.intentSupport(library, intents, intents.get(0).party(), List.of());
        return !shown.isEmpty() && shown.get(0).score() >= SHOWN;
    }

    /** Open questions: the best sentence of the relevant side and the fact in it, with its unit as evidence. */
    private QuestionAnswer openAnswer(String question, List<Relevance> ranked, Role about, AnswerType type) {
        List<Relevance> relevant = new ArrayList<>();
        Segment answer = null;
        for (Relevance r : ranked) {
            if (r.score() < thresholds.open() || relevant.size() == ScoredCall.EVIDENCE) {
                break;
            }
            Segment sentence = sentence(r.unit(), about, type);
            if (sentence == null) {
                continue;
            }
            if (answer == null) {
                answer = sentence;
            }
            relevant.add(r);
        }
        if (answer == null) {
            return new QuestionAnswer(question, "", 0, List.of());
        }
        return new QuestionAnswer(
                question,
                answer.text(),
                type.fact(answer.text()),
                ScoredCall.clamp(relevant.get(0).score()),
                ScoredCall.evidence(relevant));
    }

    /**
     * The unit's sentence that answers, or null: its last, which in an exchange is the reply (answers
     * follow what they answer), when it is the relevant side's and of the wanted type. An exchange whose
     * reply is not an answer lends its score to no sentence: "we have free slots next week" / "maybe, I
     * need to check my calendar" is close to "when is the appointment?" for the reply's sake, and the
     * first line's own closeness is scored as a unit of its own.
     */
    private static Segment sentence(Unit unit, Role about, AnswerType type) {
        Segment last = unit.segments().get(unit.segments().size() - 1);
        return (about == null || last.role() == about) && type.fits(last.text()) ? last : null;
    }

    /** "Did the agent mention the fee?": yes when the party said something close enough, and did not deny it. */
    private QuestionAnswer occurrence(String question, List<Relevance> said, Set<String> content, Role about) {
        List<Relevance> hits = said.stream()
                .filter(r -> r.score() >= thresholds.occurred())
                .limit(ScoredCall.EVIDENCE)
                .toList();
        if (hits.isEmpty()) {
            double best = said.isEmpty() ? 0 : said.get(0).score();
            return new QuestionAnswer(
                    question, QuestionAnswer.NO, ScoredCall.clamp(0.5 + (thresholds.occurred() - best)), List.of());
        }
        // "I do not want an appointment" names the appointment and turns it down.
        boolean denied = Polarity.negatedNear(hits.get(0).unit().textOf(about), content, 3);
        double margin = hits.get(0).score() - thresholds.occurred();
        return new QuestionAnswer(
                question,
                denied ? QuestionAnswer.NO : QuestionAnswer.YES,
                ScoredCall.clamp(0.6 + margin),
                ScoredCall.evidence(hits));
    }

    /**
     * "Is the lead interested?": which way the party leans, each of their utterances and exchanges
     * weighted by closeness to the question and by lateness in the call; hedging is Unclear, and so is
     * a call that never comes near the question.
     */
    private QuestionAnswer stance(
            String question, List<Relevance> ranked, Role about, Set<String> topic, double callEnd) {
        double lean = 0;
        double hedge = 0;
        double mass = 0;
        double weight = 0;
        List<Relevance> weighted = new ArrayList<>();
        for (Relevance r : ranked) {
            double w = Math.max(0, r.score() - thresholds.relevant() / 2) * Recency.of(r.unit(), callEnd);
            if (w == 0) {
                continue;
            }
            // The question's own topic words are not sentiment: for "does the customer want to cancel",
            // "I want to cancel" agrees (want), it does not complain (cancel).
            Polarity polarity = Polarity.of(r.unit().textOf(about), topic);
            lean += w * polarity.lean() * Math.min(1, polarity.strength());
            hedge += w * Math.min(1, polarity.hedge());
            mass += w * Math.min(1, polarity.strength() + polarity.hedge());
            weight += w;
            weighted.add(new Relevance(r.unit(), w));
        }
        weighted.sort(Comparator.comparingDouble(Relevance::score).reversed());
        List<Evidence> evidence =
                ScoredCall.evidence(weighted.stream().limit(ScoredCall.EVIDENCE).toList());
        if (weight == 0 || mass < MIN_EVIDENCE) {
            return new QuestionAnswer(question, QuestionAnswer.UNCLEAR, 0.5, evidence);
        }
        lean /= weight;
        hedge /= weight;
        String answer;
        if (hedge >= Math.abs(lean) || Math.abs(lean) < thresholds.clearLean()) {
            answer = QuestionAnswer.UNCLEAR;
        } else {
            answer = lean > 0 ? QuestionAnswer.YES : QuestionAnswer.NO;
        }
        double confidence = answer.equals(QuestionAnswer.UNCLEAR)
                ? 0.5 + 0.5 * Math.min(1, hedge)
                : 0.5 + 0.5 * Math.min(1, Math.abs(lean) - hedge);
        return new QuestionAnswer(question, answer, ScoredCall.clamp(confidence), evidence);
    }
}
