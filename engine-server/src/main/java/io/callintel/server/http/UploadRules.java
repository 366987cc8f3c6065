package io.callintel.server.http;

import io.callintel.core.audio.AudioFileNames;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an upload may be: its size, its name's extension and its declared type. The bytes
 * themselves are checked by probing them once they have arrived.
 */
final class UploadRules {

    private final long maxFileSize;

    private static final Set<String> OTHER_TYPES =
            Set.of("video/webm", "video/mp4", "video/ogg", "application/ogg", "application/octet-stream");
    private static final Pattern PATH_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    UploadRules(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    long maxFileSize() {
        return maxFileSize;
    }

    /** The file's extension, lower case. @throws ApiError 415 when it is not an audio format we decode */
    static String extension(String fileName) {
        return AudioFileNames.audioExtension(fileName)
                .orElseThrow(() -> new ApiError(
                        415,
                        "unsupported_media_type",
                        "Unsupported audio format: '" + fileName
                                + "'. Supported: WAV, MP3, OGG, Opus, WebM, M4A/MP4, AAC, FLAC, AMR, 3GP, MKA, WMA",
                        "file_name"));
    }

    static void contentType(String contentType, String field) {
        String type =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!type.startsWith("audio/") && !OTHER_TYPES.contains(type)) {
            throw new ApiError(
                    415,
                    "unsupported_media_type",
                    "Unsupported content type '" + contentType
                            + "': expected audio/* (for example audio/wav, audio/mpeg, audio/webm)",
                    field);
        }
    }

    void size(long size, String field) {
        if (size < 1) {
            throw ApiError.badRequest(field, field + " must be a positive number of bytes");
        }
        if (size > maxFileSize) {
            throw tooLarge(field);
        }
    }

    ApiError tooLarge(String field) {
        return new ApiError(413, "payload_too_large", "File too large: the limit is " + maxFileSize + " bytes", field);
    }

    /** {@code client_name} and {@code client_profile} become directories: keep them plain. */
    static String pathName(String value, String field) {
        if (value == null || !PATH_NAME.matcher(value).matches()) {
            throw ApiError.badRequest(
                    field, field + " must be 1-64 letters, digits, '.', '_' or '-', not starting with '.'");
        }
        return value;
    }
}
