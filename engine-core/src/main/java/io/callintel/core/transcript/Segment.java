package io.callintel.core.transcript;

/**
 * An utterance: consecutive words of one speaker, split at pauses and at speaker changes.
 *
 * @param confidence mean word confidence, 0..1
 */
public record Segment(String speaker, Role role, double start, double end, String text, double confidence) {}
