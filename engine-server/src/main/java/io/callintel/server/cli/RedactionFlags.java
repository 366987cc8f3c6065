package io.callintel.server.cli;

import io.callintel.core.transcript.Transcript;
import io.callintel.core.usecase.Redaction;
import io.callintel.engine.CallIntelEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --redact} and {@code --redacted-audio}: what of the personal data said in the calls to redact. */
final class RedactionFlags {

    @Option(
            names = "--redact",
            paramLabel = "off|transcript|transcript_and_audio",
            description = "Redact card numbers, dates of birth, names and other personal data from the transcript"
                    + " (and with transcript_and_audio, tone them out of a copy of the audio). Default: off, or"
                    + " what the use case's analysis_config.redaction says.")
    String redact;

    @Option(
            names = "--redacted-audio",
            paramLabel = "DIR",
            description = "Where --redact transcript_and_audio writes each recording's redacted copy,"
                    + " NAME.redacted.wav (16 kHz WAV). The recordings themselves are never changed.")
    Path audioDirectory;

    /** The setting given, if any; a usage error when it is not one of the three. */
    Optional<Redaction> redaction(CommandLine command) {
        if (redact == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Redaction.parse(redact.trim()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, "--redact " + e.getMessage());
        }
    }

    /** {@code redaction}, once its audio redacted here has a directory to go to; a usage error otherwise. */
    Redaction check(Redaction redaction, CommandLine command) {
        if (redaction.audio() && audioDirectory == null) {
            throw new ParameterException(
                    command, "transcript_and_audio redaction needs --redacted-audio DIR for the redacted copies");
        }
        if (!redaction.audio() && audioDirectory != null) {
            throw new ParameterException(command, "--redacted-audio needs --redact transcript_and_audio");
        }
        return redaction;
    }

    /** Writes the recording's redacted copy into the directory and returns its path. */
    Path writeAudio(CallIntelEngine engine, Path recording, Transcript redacted) {
        try {
            Files.createDirectories(audioDirectory);
            Path target = audioDirectory.resolve(AnalyzeCommand.stem(recording) + ".redacted.wav");
            Path partial = audioDirectory.resolve(target.getFileName() + ".part");
            engine.redactAudio(recording, redacted, partial);
            return Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the redacted audio of " + recording, e);
        }
    }
}
