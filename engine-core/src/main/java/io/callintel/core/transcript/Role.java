package io.callintel.core.transcript;

import java.util.Locale;

/** Which side of the call a speaker is on. */
public enum Role {
    AGENT,
    CUSTOMER;

    /** The lower-case name used on the wire ({@code agent}, {@code customer}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Role other() {
        return this == AGENT ? CUSTOMER : AGENT;
    }

    public static Role fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
