package io.callintel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callintel.testing.DiarizationErrorRate.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiarizationErrorRateTest {

    private static final List<Segment> REFERENCE =
            List.of(new Segment(0, 2, 0), new Segment(2.5, 4.5, 1), new Segment(5, 6, 0));

    @Test
    void perfectUnderAnyNumbering() {
        assertEquals(0, DiarizationErrorRate.score(REFERENCE, REFERENCE).rate(), 1e-9);
        List<Segment> swapped = List.of(new Segment(0, 2, 1), new Segment(2.5, 4.5, 0), new Segment(5, 6, 1));
        DiarizationErrorRate.Result result = DiarizationErrorRate.score(REFERENCE, swapped);
        assertEquals(0, result.rate(), 1e-9);
        assertEquals(5, result.referenceSpeech(), 1e-9);
    }

    @Test
    void oneSpeakerForAllIsConfusion() {
        List<Segment> one = List.of(new Segment(0, 2, 0), new Segment(2.5, 4.5, 0), new Segment(5, 6, 0));
        DiarizationErrorRate.Result result = DiarizationErrorRate.score(REFERENCE, one);
        assertEquals(2, result.confusion(), 1e-9);
        assertEquals(0.4, result.rate(), 1e-9);
    }

    @Test
    void missedAndFalseAlarm() {
        List<Segment> hypothesis = List.of(new Segment(0, 1.5, 0), new Segment(2.5, 4.5, 1), new Segment(4.5, 6, 0));
        DiarizationErrorRate.Result result = DiarizationErrorRate.score(REFERENCE, hypothesis);
        assertEquals(0.5, result.missed(), 1e-9);
        assertEquals(0.5, result.falseAlarm(), 1e-9);
        assertEquals(0, result.confusion(), 1e-9);
        assertEquals(0.2, result.rate(), 1e-9);
        assertEquals(1, DiarizationErrorRate.score(REFERENCE, List.of()).rate(), 1e-9);
    }

    @Test
    void theCollarForgivesBoundaries() {
        List<Segment> late = List.of(new Segment(0.1, 2.1, 0), new Segment(2.6, 4.6, 1), new Segment(5.1, 6.1, 0));
        assertEquals(0.12, DiarizationErrorRate.score(REFERENCE, late).rate(), 1e-9);
        assertEquals(0, DiarizationErrorRate.score(REFERENCE, late, 0.25).rate(), 1e-9);
    }

    @Test
    void extraHypothesisSpeakersCountAsConfusion() {
        List<Segment> three = List.of(new Segment(0, 2, 0), new Segment(2.5, 4.5, 1), new Segment(5, 6, 2));
        DiarizationErrorRate.Result result = DiarizationErrorRate.score(REFERENCE, three);
        assertEquals(1, result.confusion(), 1e-9);
        assertEquals(-1, result.mapping()[2]);
    }
}
