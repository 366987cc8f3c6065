package io.callintel.classify.embed;

/** One sentence as word-piece ids, with the special tokens, already truncated. */
record TokenizedText(long[] ids, long[] typeIds) {

    int length() {
        return ids.length;
    }
}
