package io.callintel.bench.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How every benchmark corpus writes its cache: each file under a temporary name, then moved into place, so a
 * file that exists is complete; and the command-line tools (ffmpeg, espeak-ng) that synthesise and encode them.
 */
public final class CorpusFiles {

    private CorpusFiles() {}

    /** Writes the bytes as {@code target}, whole or not at all. */
    public static void write(Path target, byte[] bytes) {
        Path partial = partial(target);
        try {
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code commandBeforeOutput}, then a temporary output name, then {@code trailing}, and moves the
     * output into place as {@code target} once the command succeeded.
     */
    public static void produce(Path target, List<String> commandBeforeOutput, String... trailing) {
        Path partial = partial(target);
        List<String> command = new ArrayList<>(commandBeforeOutput);
        command.add(partial.toString());
        command.addAll(List.of(trailing));
        try {
            run(command);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a stray temporary file in the corpus directory is harmless
            }
        }
    }

    /** Runs a tool to its end (10 minutes at most); a failure shows its output. */
    public static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("corpus generation failed: " + String.join(" ", command) + "\n"
                        + new String(output, StandardCharsets.UTF_8)
                        + "\n(the benchmark corpora need the ffmpeg and espeak-ng command lines on PATH)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot run " + command.getFirst()
                            + " (the benchmark corpora need the ffmpeg and espeak-ng command lines on PATH)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path partial(Path target) {
        return target.resolveSibling(
                target.getFileName() + ".part-" + ProcessHandle.current().pid());
    }
}
