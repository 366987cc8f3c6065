package io.callintel.server.cli;

import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.PcmStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decodes a whole file and reports what came out. Reading the headers alone would accept files whose
 * audio turns out to be undecodable; a full decode is the only proof that the engine can use them.
 * Memory stays at one buffer per file whatever the recording's length.
 */
final class FileProber {

    /** Problem name for failures that are not an {@link AudioDecodeException}: a bug, not a bad file. */
    static final String INTERNAL = "internal";

    private static final int CHUNK_SAMPLES = AudioDecoder.SAMPLE_RATE; // one second per read

    private final AudioDecoder decoder;

    FileProber(AudioDecoder decoder) {
        this.decoder = decoder;
    }

    /** Never throws for a bad file: every failure becomes a {@link ProbeResult.Failed}. */
    ProbeResult probe(String argument) {
        try (PcmStream pcm = decoder.open(Path.of(argument))) {
            short[] chunk = new short[CHUNK_SAMPLES];
            while (pcm.read(chunk, 0, chunk.length) >= 0) {
                // only the count matters; the report keeps it
            }
            return new ProbeResult.Decoded(argument, pcm.info(), pcm.report());
        } catch (AudioDecodeException e) {
            return new ProbeResult.Failed(
                    argument, e.getMessage(), e.problem().name().toLowerCase(Locale.ROOT));
        } catch (InvalidPathException e) {
            return new ProbeResult.Failed(
                    argument,
                    argument + ": not a valid path: " + e.getReason(),
                    AudioDecodeException.Problem.NOT_READABLE.name().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            // One file hitting a decoder bug should not cost the results of all the others.
            return new ProbeResult.Failed(argument, argument + ": " + e, INTERNAL);
        }
    }
}
