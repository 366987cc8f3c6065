package io.callintel.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.audio.AudioDecoder;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code callintel probe FILE...}: checks that recordings decode and says what they are, as JSON Lines. */
@Command(
        name = "probe",
        mixinStandardHelpOptions = true,
        description = {
            "Decodes each FILE completely and prints one JSON object per file, one per line, in argument order.",
            "Decoded: file, format, codec, sample_rate, channels, duration (seconds of audio decoded),"
                    + " declared_duration, bit_rate, and warnings/damage when there are any.",
            "Not decoded: file, error, problem (not_readable, empty_file, unrecognised_format, no_audio_stream,"
                    + " unsupported_codec, no_audio, corrupt, timeout)."
        },
        exitCodeListHeading = "%nExit codes%n",
        exitCodeList = {"0:every file decoded", "1:at least one file did not decode", "2:bad usage"})
final class ProbeCommand implements Callable<Integer> {

    private final Supplier<AudioDecoder> decoders;
    private final JsonLines out;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Recordings, in any format FFmpeg reads.")
    List<String> files;

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            description = "Files decoded at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    ProbeCommand(Supplier<AudioDecoder> decoders, JsonLines out) {
        this.decoders = decoders;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
        }
        FileProber prober = new FileProber(decoders.get());
        AtomicInteger failures = new AtomicInteger();
        OrderedParallel.forEachInOrder(files, jobs, prober::probe, result -> {
            if (result instanceof ProbeResult.Failed) {
                failures.incrementAndGet();
            }
            ObjectNode node = out.object();
            ProbeJson.fill(node, result);
            out.write(node);
        });
        return failures.get() == 0 ? 0 : 1;
    }
}
