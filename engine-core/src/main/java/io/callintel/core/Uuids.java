package io.callintel.core;

import java.util.regex.Pattern;

/** The identifiers of orgs, use cases and recordings: UUIDs in their 8-4-4-4-12 hex form. */
public final class Uuids {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    public static boolean isUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }
}
