package io.callintel.audio;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names for what FFmpeg detected, in the words clients use (wav, mp3, ogg, webm, m4a...), and the
 * check that a file's name agrees with its content. Detection itself is FFmpeg's, from the bytes.
 */
final class FormatNames {

    /** FFmpeg demuxers that carry recorded audio. Anything else (text, images, subtitles...) is rejected. */
    private static final Set<String> AUDIO_CONTAINERS = Set.of(
            "wav",
            "w64",
            "rf64",
            "mp3",
            "ogg",
            "matroska,webm",
            "flac",
            "mov,mp4,m4a,3gp,3g2,mj2",
            "aac",
            "aiff",
            "au",
            "caf",
            "amr",
            "amrnb",
            "amrwb",
            "avi",
            "asf",
            "mpeg",
            "mpegts",
            "flv",
            "voc",
            "wv",
            "ape",
            "tta",
            "ac3",
            "eac3",
            "dts",
            "gsm",
            "g722",
            "g723_1",
            "g729",
            "nistsphere",
            "ircam",
            "rm",
            "xwma",
            "mpc",
            "mpc8",
            "sox",
            "sln",
            "loas",
            "latm",
            "dfpwm",
            "codec2",
            "ilbc",
            "wsaud");

    /** Container names a file extension promises. */
    private static final Map<String, Set<String>> EXTENSIONS = Map.ofEntries(
            Map.entry("wav", Set.of("wav", "w64", "rf64")),
            Map.entry("wave", Set.of("wav", "w64", "rf64")),
            Map.entry("mp3", Set.of("mp3")),
            Map.entry("ogg", Set.of("ogg")),
            Map.entry("oga", Set.of("ogg")),
            Map.entry("opus", Set.of("ogg")),
            Map.entry("webm", Set.of("webm")),
            Map.entry("weba", Set.of("webm")),
            Map.entry("mka", Set.of("matroska", "webm")),
            Map.entry("mkv", Set.of("matroska", "webm")),
            Map.entry("flac", Set.of("flac")),
            Map.entry("m4a", Set.of("m4a", "mp4", "mov", "3gp")),
            Map.entry("mp4", Set.of("m4a", "mp4", "mov", "3gp")),
            Map.entry("aac", Set.of("aac", "m4a", "mp4")),
            Map.entry("3gp", Set.of("3gp", "mp4", "m4a")),
            Map.entry("amr", Set.of("amr", "amrnb", "amrwb")),
            Map.entry("aif", Set.of("aiff")),
            Map.entry("aiff", Set.of("aiff")),
            Map.entry("au", Set.of("au")),
            Map.entry("wma", Set.of("asf")));

    private FormatNames() {}

    static boolean isAudioContainer(String demuxer) {
        return AUDIO_CONTAINERS.contains(demuxer);
    }

    /** The container's name as clients know it; Matroska and ISO-BMFF families are told apart by their headers. */
    static String containerName(String demuxer, byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1);
        return switch (demuxer) {
            case "matroska,webm" -> text.contains("webm") ? "webm" : "matroska";
            case "mov,mp4,m4a,3gp,3g2,mj2" -> isoBrand(text);
            default -> demuxer;
        };
    }

    /**
     * The container a file's first bytes claim to be, for telling a damaged recording (known magic,
     * unreadable headers) from something that is not audio at all.
     */
    static Optional<String> claimedContainer(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 12), StandardCharsets.ISO_8859_1);
        if (text.startsWith("RIFF") && text.startsWith("WAVE", 8)) {
            return Optional.of("wav");
        }
        if (text.startsWith("ID3")) {
            return Optional.of("mp3");
        }
        if (text.startsWith("OggS")) {
            return Optional.of("ogg");
        }
        if (text.startsWith("fLaC")) {
            return Optional.of("flac");
        }
        if (text.startsWith("\u001A\u0045\u00DF\u00A3")) {
            return Optional.of("matroska/webm");
        }
        if (text.startsWith("ftyp", 4)) {
            return Optional.of("mp4/m4a");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0) {
            return Optional.of("mpeg audio");
        }
        return Optional.empty();
    }

    /** A warning when the file name promises a different format than its content, for example mp3 bytes named .ogg. */
    static Optional<String> extensionMismatch(String name, String format) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Set<String> promised = EXTENSIONS.get(extension);
        if (promised == null || promised.contains(format)) {
            return Optional.empty();
        }
        return Optional.of("file name says ." + extension + " but the content is " + format);
    }

    static String mediaType(int codecType) {
        return switch (codecType) {
            case 0 -> "video";
            case 1 -> "audio";
            case 2 -> "data";
            case 3 -> "subtitle";
            case 4 -> "attachment";
            default -> "unknown";
        };
    }

    /** ISO base media files name their flavour in the ftyp box's major brand (bytes 8..11). */
    private static String isoBrand(String head) {
        if (head.length() < 12 || !head.startsWith("ftyp", 4)) {
            return "mp4";
        }
        String brand = head.substring(8, 12);
        if (brand.startsWith("M4A") || brand.startsWith("M4B")) {
            return "m4a";
        }
        if (brand.startsWith("3g")) {
            return "3gp";
        }
        return brand.equals("qt  ") ? "mov" : "mp4";
    }
}
