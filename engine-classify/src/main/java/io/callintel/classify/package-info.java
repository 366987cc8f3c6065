/** Sentence embeddings, questions, buckets, call metrics and search: filled in by the analysis work (issue 4). */
package io.callintel.classify;
