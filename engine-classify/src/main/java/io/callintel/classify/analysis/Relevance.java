package io.callintel.classify.analysis;

/** How close a unit of the call is to a question or bucket: 0..1, meaning and topic words combined. */
record Relevance(Unit unit, double score) {}
