package io.callintel.classify.embed;

/** The model's per-token output for a batch, flat and row-major: {@code [batch, tokens, dimensions]}. */
record HiddenStates(int batch, int tokens, int dimensions, float[] values) {}
