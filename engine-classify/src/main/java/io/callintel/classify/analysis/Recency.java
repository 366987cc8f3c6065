package io.callintel.classify.analysis;

/** Later in a call weighs more: 0.5 at the start rising to 1 at the end. Calls end where they are decided. */
final class Recency {

    private Recency() {}

    static double of(Unit unit, double callEnd) {
        if (callEnd <= 0) {
            return 1;
        }
        double at = unit.segments().get(unit.segments().size() - 1).end();
        return 0.5 + 0.5 * Math.min(1, at / callEnd);
    }
}
