package io.callintel.engine.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a transcript can be written in ({@code --format json|srt|vtt|txt}). */
public enum ExportFormat {
    JSON("json", "application/json"),
    SRT("srt", "application/x-subrip"),
    VTT("vtt", "text/vtt"),
    TXT("txt", "text/plain");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file extension without the dot, which is also the name on the command line. */
    public String extension() {
        return extension;
    }

    /** The media type; the text formats are written as UTF-8. */
    public String mediaType() {
        return mediaType;
    }

    /** Parses a format name, ignoring case and surrounding blanks ({@code "SRT"}, {@code " vtt"}). */
    public static ExportFormat fromName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return format;
            }
        }
        String choices = Arrays.stream(values()).map(ExportFormat::extension).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown format '" + name + "': choose one of " + choices);
    }
}
