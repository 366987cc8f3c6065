package io.callintel.server.http;

import java.util.Locale;

/**
 * What a node does ({@code serve --role}). Any number of each may run against one shared database and audio store:
 * API nodes take requests and uploads and never run recognition; worker nodes pull recordings off the queue and
 * answer only {@code /health} and {@code /metrics}; {@code all} does both, as a single box does.
 */
public enum Role {
    API,
    WORKER,
    ALL;

    public boolean servesApi() {
        return this != WORKER;
    }

    public boolean processes() {
        return this != API;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
