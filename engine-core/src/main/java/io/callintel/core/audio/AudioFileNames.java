package io.callintel.core.audio;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file name extensions of the recordings the engine takes: what uploads may be called and which
 * files a directory scan picks up. The decoder itself goes by the bytes, never by the name.
 */
public final class AudioFileNames {

    public static final Set<String> EXTENSIONS = Set.of(
            "wav", "mp3", "ogg", "oga", "opus", "webm", "weba", "m4a", "mp4", "aac", "flac", "amr", "3gp", "mka",
            "wma");

    private AudioFileNames() {}

    /** The name's extension, lower case, when it is one of {@link #EXTENSIONS}. */
    public static Optional<String> audioExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(extension) ? Optional.of(extension) : Optional.empty();
    }
}
