package io.callintel.server.cli;

import io.callintel.asr.vosk.SpeechRecognizer;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How often recognizers are replaced: memory against speed (a picocli mixin of serve, transcribe and analyze). */
final class RecognizerFlags {

    @Option(
            names = "--replace-recognizer-after",
            paramLabel = "SECONDS",
            description = "Audio seconds after which a recognition thread's recognizer is replaced by a fresh one "
                    + "(default: ${DEFAULT-VALUE}: resident memory stays flat). Larger is faster (a fresh recognizer is slow "
                    + "for its first half minute) and takes more memory (about 700 MB never replaced, with 2 threads); "
                    + "Infinity: never.")
    double replaceAfterSeconds = SpeechRecognizer.DEFAULT_REPLACE_AFTER_SECONDS;

    /** The value, checked; a bad one is a usage error of {@code command}. */
    double replaceAfterSeconds(CommandLine command) {
        try {
            return SpeechRecognizer.checkReplaceAfter(replaceAfterSeconds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, "--replace-recognizer-after: " + e.getMessage());
        }
    }
}
