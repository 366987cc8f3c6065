package io.callintel.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.config.ConfigFile;
import io.callintel.core.config.ModelConfigException;
import io.callintel.core.config.ModelPathResolver;
import io.callintel.server.http.Role;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The {@code callintel} command line: the one place where the pieces are put together. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Logging.routeJavaUtilLogging();
        // JSON on stdout is UTF-8 whatever the platform's console encoding, so clients can rely on it.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        CommandLine cli = commandLine(
                // Built on demand: loading FFmpeg's natives is wasted time for --help, --version and models.
                Main::ffmpegDecoder, ModelPathResolver.forProcess(Main.class), new ObjectMapper(), out, err);
        int exitCode;
        try {
            configureDefaults(cli, System.getenv(), Path.of("").toAbsolutePath(), args);
            exitCode = cli.execute(args);
        } catch (ModelConfigException e) {
            err.println("callintel: " + e.getMessage());
            exitCode = 1;
        }
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** " (from CALLINTEL_PORT)" when the bad value came from the environment or the config file, not a flag. */
    private static String origin(CommandLine.ParameterException exception, String[] args) {
        if (exception.getArgSpec() instanceof CommandLine.Model.OptionSpec option
                && exception.getCommandLine().getDefaultValueProvider() instanceof ConfiguredDefaults defaults
                && java.util.Arrays.stream(args)
                        .noneMatch(arg -> java.util.Arrays.stream(option.names())
                                .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")))) {
            return defaults.origin(option).map(where -> " (" + where + ")").orElse("");
        }
        return "";
    }

    /**
     * Lets serve, token and api-key take the options not given as flags from the environment and the config file
     * ({@link ConfiguredDefaults}).
     *
     * @throws io.callintel.core.config.ModelConfigException when a config file that was named cannot be read
     */
    static void configureDefaults(
            CommandLine cli, Map<String, String> environment, Path workingDirectory, String[] args) {
        var defaults = new ConfiguredDefaults(
                environment,
                ConfigFile.locate(explicitConfig(args), environment, workingDirectory)
                        .file());
        for (String command : List.of("serve", "worker", "token", "api-key", "correct")) {
            cli.getSubcommands().get(command).setDefaultValueProvider(defaults);
        }
    }

    /**
     * The {@code --config} argument, found before parsing: serve's defaults come from that file, and picocli asks
     * for defaults while it parses.
     */
    private static Path explicitConfig(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }

    private static AudioDecoder ffmpegDecoder() {
        try {
            return new FfmpegAudioDecoder();
        } catch (LinkageError e) {
            // The natives are bundled for one platform per build; say so instead of showing a JNI stack trace.
            throw new CliException(
                    "cannot load FFmpeg's native libraries on " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + " (" + e.getMessage()
                            + "). This build bundles them for one platform;"
                            + " rebuild for yours, for example ./mvnw package -Dnative.platform=linux-arm64.",
                    e);
        }
    }

    /** Whether stderr is a terminal (for a live progress bar rather than log lines); Linux's view of fd 2. */
    private static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2"))
                    .toString();
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
    static CommandLine commandLine(
            Supplier<AudioDecoder> decoders,
            ModelPathResolver models,
            ObjectMapper json,
            PrintWriter out,
            PrintWriter err) {
        CallintelCommand root = new CallintelCommand();
        CommandLine cli = new CommandLine(root);
        cli.addSubcommand(new ProbeCommand(decoders, new JsonLines(json, out)));
        cli.addSubcommand(
                new TranscribeCommand(decoders, () -> models.resolve(root.modelOverrides()), new JsonLines(json, out)));
        cli.addSubcommand(new AnalyzeCommand(
                decoders,
                () -> models.resolve(root.modelOverrides()),
                json,
                new JsonLines(json, out),
                err,
                stderrIsTerminal()));
        cli.addSubcommand(
                new ServeCommand(decoders, () -> models.resolve(root.modelOverrides()), err, Optional.empty()));
        CommandLine worker = new CommandLine(
                new ServeCommand(decoders, () -> models.resolve(root.modelOverrides()), err, Optional.of(Role.WORKER)));
        worker.getCommandSpec()
                .usageMessage()
                .description(
                        "A worker node: serve --role worker. It takes recordings off the queue in the shared database",
                        "(--db, and --blobs for the audio) that API nodes and 'analyze --queue' fill, and answers only",
                        "/health and /metrics. Run as many as the machines allow; SIGTERM finishes or hands back the",
                        "work in flight.");
        cli.addSubcommand("worker", worker);
        cli.addSubcommand(new TokenCommand(out));
        cli.addSubcommand(new ApiKeyCommand(out));
        cli.addSubcommand(new CorrectCommand(out));
        cli.addSubcommand(new ModelsCommand(() -> models.resolve(root.modelOverrides()), new JsonLines(json, out)));

        String version = "callintel " + Version.current();
        cli.getCommandSpec().version(version);
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(version));

        // Set after the subcommands are added: these setters apply to the subcommands present at the time.
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((exception, args) -> {
            // One line and a pointer to --help, the same for every kind of usage error; the full usage would bury the
            // cause.
            CommandLine command = exception.getCommandLine();
            PrintWriter errors = command.getErr();
            errors.println("callintel: " + exception.getMessage() + origin(exception, args));
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, errors);
            errors.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            errors.flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            PrintWriter errors = commandLine.getErr();
            if (exception instanceof ModelConfigException || exception instanceof CliException) {
                errors.println(
                        "callintel: " + exception.getMessage()); // written for people; a stack trace would bury it
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
