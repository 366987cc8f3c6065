package io.callintel.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.config.ModelPathResolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process, as {@link Main} wires it, with captured stdout and stderr. */
final class Cli {

    static final Path FIXTURES = Path.of("../engine-audio/src/test/resources/audio");
    static final ObjectMapper JSON = new ObjectMapper();

    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();

    /** What one run printed, and its exit code. */
    record Run(int exitCode, String out, String err) {

        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        List<JsonNode> json() {
            return lines().stream().map(Cli::parse).toList();
        }
    }

    private Cli() {}

    static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }

    /** With no environment at all: models are only found if the arguments name them. */
    static Run run(String... args) {
        return run(new ModelPathResolver(Map.of(), Path.of("").toAbsolutePath(), List.of()), args);
    }

    static Run run(ModelPathResolver models, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine(() -> DECODER, models, JSON, new PrintWriter(out), new PrintWriter(err))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
