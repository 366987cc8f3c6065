package io.callintel.classify.redact;

import io.callintel.core.transcript.Segment;
import io.callintel.core.transcript.Transcript;
import io.callintel.core.transcript.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Redacts the personal data said in a call from its transcript: card numbers (spoken digit by digit, in groups,
 * "double five", "oh"), CVV and expiry, bank accounts and sort codes, SSNs and national IDs, phone numbers,
 * e-mails, postcodes, dates of birth, names introduced as names and addresses. Every word that says it becomes
 * its kind's token ({@code [CARD_NUMBER]}) and keeps its time; utterances read the tokens, a run of one token once.
 * The call's words are read in time order as one stream, whoever said them: a number split across utterances, or
 * between two speakers by a diarizer that lost track, is one number. Stateless.
 */
public final class PiiRedactor {

    public Transcript redact(Transcript transcript) {
        List<Word> words = transcript.words();
        PiiType[] types = new PiiType[words.size()];
        for (PiiFinder.Found found : new PiiFinder(words).find()) {
            for (int k = found.from(); k < found.to(); k++) {
                types[k] = found.type().orElseThrow();
            }
        }
        List<Word> redacted = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            redacted.add(
                    types[i] == null
                            ? word
                            : new Word(types[i].token(), word.start(), word.end(), word.conf(), word.speaker()));
        }
        List<Segment> segments =
                transcript.segments().stream().map(s -> retold(s, redacted)).toList();
        return new Transcript(
                transcript.duration(),
                redacted,
                segments,
                transcript.speakers(),
                transcript.turns(),
                transcript.overlaps(),
                transcript.audio());
    }

    /** The utterance's text from its speaker's words in its time, a run of one token said once. */
    private static Segment retold(Segment segment, List<Word> words) {
        List<String> text = new ArrayList<>();
        for (Word word : words) {
            if (word.speaker().equals(segment.speaker())
                    && word.start() >= segment.start() - 1e-6
                    && word.end() <= segment.end() + 1e-6
                    && !(PiiType.ofToken(word.word()).isPresent()
                            && !text.isEmpty()
                            && text.getLast().equals(word.word()))) {
                text.add(word.word());
            }
        }
        return segment.withText(String.join(" ", text));
    }
}
