package io.callintel.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.config.ModelConfigException;
import io.callintel.core.config.ModelPathResolver;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The {@code callintel} command line: the one place where the pieces are put together. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // One line per log record, with a UTC-style timestamp: what operators grep and ship (unless they configured JUL).
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        }
        // JSON on stdout is UTF-8 whatever the platform's console encoding, so clients can rely on it.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        int exitCode = commandLine(
                // Built on demand: loading FFmpeg's natives is wasted time for --help, --version and models.
                Main::ffmpegDecoder,
                ModelPathResolver.forProcess(Main.class),
                new ObjectMapper(),
                out,
                err)
                .execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    private static AudioDecoder ffmpegDecoder() {
        try {
            return new FfmpegAudioDecoder();
        } catch (LinkageError e) {
            // The natives are bundled for one platform per build; say so instead of showing a JNI stack trace.
            throw new CliException("cannot load FFmpeg's native libraries on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " (" + e.getMessage() + "). This build bundles them for one platform;"
                    + " rebuild for yours, for example ./mvnw package -Dnative.platform=linux-arm64.", e);
        }
    }

    /** Whether stderr is a terminal (for a live progress bar rather than log lines); Linux's view of fd 2. */
    private static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * The command tree, wired to the given collaborators. Tests call this with their own writers,
     * environment and decoder.
     *
     * @param decoders  called once by each command that decodes audio
     * @param models    resolves the model directories, only for commands that need them
     */
    static CommandLine commandLine(Supplier<AudioDecoder> decoders, ModelPathResolver models, ObjectMapper json,
                                   PrintWriter out, PrintWriter err) {
        CallintelCommand root = new CallintelCommand();
        CommandLine cli = new CommandLine(root);
        cli.addSubcommand(new ProbeCommand(decoders, new JsonLines(json, out)));
        cli.addSubcommand(new TranscribeCommand(decoders, () -> models.resolve(root.modelOverrides()), new JsonLines(json, out)));
        cli.addSubcommand(new AnalyzeCommand(decoders, () -> models.resolve(root.modelOverrides()), json, new JsonLines(json, out),
                err, stderrIsTerminal()));
        cli.addSubcommand(new ServeCommand(decoders, () -> models.resolve(root.modelOverrides()), err));
        cli.addSubcommand(new TokenCommand(out));
        cli.addSubcommand(new ApiKeyCommand(out));
        cli.addSubcommand(new ModelsCommand(() -> models.resolve(root.modelOverrides()), new JsonLines(json, out)));

        String version = "callintel " + Version.current();
        cli.getCommandSpec().version(version);
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(version));

        // Set after the subcommands are added: these setters apply to the subcommands present at the time.
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((exception, args) -> {
            // One line and a pointer to --help, the same for every kind of usage error; the full usage would bury the cause.
            CommandLine command = exception.getCommandLine();
            PrintWriter errors = command.getErr();
            errors.println("callintel: " + exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, errors);
            errors.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            errors.flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            PrintWriter errors = commandLine.getErr();
            if (exception instanceof ModelConfigException || exception instanceof CliException) {
                errors.println("callintel: " + exception.getMessage()); // written for people; a stack trace would bury it
            } else {
                errors.println("callintel: internal error: " + exception);
                exception.printStackTrace(errors);
            }
            errors.flush();
            return 1;
        });
        return cli;
    }
}
