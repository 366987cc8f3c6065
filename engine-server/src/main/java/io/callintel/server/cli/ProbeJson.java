package io.callintel.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeReport;
import io.callintel.core.audio.MediaInfo;
import java.util.List;

/**
 * The JSON shape of a probe result. Clients depend on the names file, format, codec, sample_rate,
 * channels, duration and error: rename nothing here without versioning the output.
 */
final class ProbeJson {

    private ProbeJson() {}

    static void fill(ObjectNode node, ProbeResult result) {
        node.put("file", result.file());
        switch (result) {
            case ProbeResult.Decoded decoded -> fillDecoded(node, decoded.info(), decoded.report());
            case ProbeResult.Failed failed -> {
                node.put("error", failed.error());
                node.put("problem", failed.problem());
            }
        }
    }

    private static void fillDecoded(ObjectNode node, MediaInfo info, DecodeReport report) {
        node.put("format", info.format());
        node.put("codec", info.codec());
        node.put("sample_rate", info.sampleRate());
        node.put("channels", info.channels());
        // What was actually decoded, not what the header claims: a truncated file shows up here.
        node.put("duration", millisecondsAsSeconds(report.samples() * 1000.0 / AudioDecoder.SAMPLE_RATE));
        if (!Double.isNaN(info.durationSeconds())) {
            node.put("declared_duration", millisecondsAsSeconds(info.durationSeconds() * 1000.0));
        }
        if (info.bitRate() > 0) {
            node.put("bit_rate", info.bitRate());
        } else {
            node.putNull("bit_rate"); // unknown; 0 would read as a real rate
        }
        putIfAny(node, "warnings", info.warnings());
        putIfAny(node, "damage", report.problems());
    }

    /** Seconds rounded to whole milliseconds: finer digits are noise from resampling. */
    private static double millisecondsAsSeconds(double milliseconds) {
        return Math.round(milliseconds) / 1000.0;
    }

    private static void putIfAny(ObjectNode node, String name, List<String> lines) {
        if (!lines.isEmpty()) {
            lines.forEach(node.putArray(name)::add);
        }
    }
}
