package io.callintel.server.http;

import java.time.LocalDate;
import java.util.Optional;

/** A request's {@code start_date} and {@code end_date} (ISO dates, both included), either of them optional. */
record DateRange(Optional<LocalDate> from, Optional<LocalDate> to) {

    static DateRange of(JsonBody body) {
        Optional<LocalDate> from = body.optionalDate("start_date");
        Optional<LocalDate> to = body.optionalDate("end_date");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw ApiError.badRequest("start_date", "start_date must not be after end_date");
        }
        return new DateRange(from, to);
    }

    boolean isOpen() {
        return from.isEmpty() && to.isEmpty();
    }
}
