package io.callintel.server.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range: bytes=...} header (RFC 9110), resolved against the file size:
 * {@code START-END}, {@code START-} and the suffix form {@code -LENGTH}. Several ranges, or a header
 * that does not parse, are answered with the whole file, as the RFC allows.
 */
record ByteRange(long start, long end) {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    long length() {
        return end - start + 1;
    }

    /** Whether the header asks for a range at all (a well-formed one). */
    static boolean isRangeRequest(String header) {
        return header != null
                && SINGLE.matcher(header.trim()).matches()
                && !header.trim().equals("bytes=-");
    }

    /**
     * @return the range, clamped to the file; empty when the header is absent or malformed (send everything)
     * @throws Unsatisfiable when it starts past the end of the file (answer 416)
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (!isRangeRequest(header)) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        m.matches();
        try {
            if (m.group(1).isEmpty()) { // the last N bytes
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long start = Long.parseLong(m.group(1));
            long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (start >= size) {
                throw new Unsatisfiable();
            }
            if (end < start) {
                return Optional.empty(); // "bytes=500-100" is invalid: ignore it
            }
            return Optional.of(new ByteRange(start, end));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a long holds
        }
    }

    /** The range starts past the end of the file. */
    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }
}
