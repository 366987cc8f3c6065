package io.callintel.core.config;

/** String helpers for configuration values. */
final class Text {

    private Text() {}

    /** The value trimmed, or null when it is null or blank: an empty variable counts as not set. */
    static String nonBlank(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}
