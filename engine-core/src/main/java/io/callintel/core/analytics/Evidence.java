package io.callintel.core.analytics;

import io.callintel.core.transcript.Role;

/** A stretch of the transcript that supports an answer or a bucket. */
public record Evidence(String speaker, Role role, double start, double end, String text) {}
