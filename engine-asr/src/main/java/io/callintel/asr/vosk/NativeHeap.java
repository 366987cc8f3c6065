package io.callintel.asr.vosk;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Gives freed native memory back to the operating system ({@code malloc_trim}, glibc). Vosk frees a
 * replaced recognizer's memory, but glibc keeps the freed pages in its arenas, so resident memory
 * only ever grows; trimming after each replacement lets it fall back. A no-op where the C library
 * has no {@code malloc_trim} (musl, macOS).
 */
final class NativeHeap {

    private interface LibC extends Library {
        int malloc_trim(long pad);
    }

    private static final LibC LIBC = load();

    private NativeHeap() {}

    private static LibC load() {
        try {
            LibC libc = Native.load("c", LibC.class);
            libc.malloc_trim(0); // fails here, once, when the symbol is missing
            return libc;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    static void trim() {
        if (LIBC != null) {
            LIBC.malloc_trim(0);
        }
    }
}
