package io.callintel.testing;

/**
 * The ground truth of one synthesized line: when it sounds, who says it, what is said.
 *
 * @param start   seconds from the start of the file to the first audible sample of the line
 * @param end     seconds to just after its last audible sample
 * @param speaker speaker index in the script (0 = agent, 1 = customer in the standard calls)
 */
public record ReferenceTurn(double start, double end, int speaker, String text) {

    public double duration() {
        return end - start;
    }
}
