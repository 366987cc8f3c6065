package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void theThreeFormsResolveAgainstTheSize() {
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=900-", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=-100", 1000));
        assertEquals(
                Optional.of(new ByteRange(0, 999)),
                ByteRange.parse("bytes=-5000", 1000),
                "suffix longer than the file");
        assertEquals(Optional.of(new ByteRange(990, 999)), ByteRange.parse("bytes=990-5000", 1000), "end clamped");
        assertEquals(Optional.of(new ByteRange(999, 999)), ByteRange.parse("bytes=999-999", 1000));
    }

    @Test
    void malformedOrMultipleRangesMeanTheWholeFile() {
        for (String header : new String[] {
            null,
            "",
            "bytes=abc",
            "bytes=-",
            "items=0-10",
            "bytes=0-1,5-9",
            "bytes=500-100",
            "bytes=99999999999999999999-"
        }) {
            assertEquals(Optional.empty(), ByteRange.parse(header, 1000), String.valueOf(header));
        }
    }

    @Test
    void startingPastTheEndIsUnsatisfiable() {
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=1000-", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=5000-6000", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=-0", 1000));
    }
}
