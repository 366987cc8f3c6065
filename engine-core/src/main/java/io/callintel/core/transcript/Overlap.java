package io.callintel.core.transcript;

/**
 * A stretch where two speakers talk at once.
 *
 * @param speaking     the speaker who had the floor
 * @param overlapping  the speaker who started talking over them
 * @param interruption true when the overlapping speaker took the floor: the one speaking stopped
 *                     while the other went on. A short remark under someone who keeps talking
 *                     ("mm-hm", "right") is an overlap, not an interruption.
 */
public record Overlap(double start, double end, String speaking, String overlapping, boolean interruption) {

    public double duration() {
        return end - start;
    }
}
