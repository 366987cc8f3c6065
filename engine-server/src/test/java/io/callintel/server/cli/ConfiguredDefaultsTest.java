package io.callintel.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.config.ModelConfigException;
import io.callintel.core.config.ModelPathResolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** serve's options: a flag, then CALLINTEL_<KEY>, then the config file's key, then the built-in default. */
class ConfiguredDefaultsTest {

    @TempDir
    Path directory;

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws Exception {
        Path conf = Files.writeString(directory.resolve("callintel.properties"), """
                port=7001
                workers=3
                max-upload-bytes=2048
                data=state
                log-level=warn
                """);
        Map<String, String> environment = Map.of(
                "CALLINTEL_CONFIG", conf.toString(), "CALLINTEL_WORKERS", "5", "CALLINTEL_UPLOAD_LINK_TTL", "60");

        ServeCommand serve = parse(environment, "serve", "--port", "7002");
        assertEquals(7002, serve.port, "the flag");
        assertEquals(5, serve.workers, "the environment over the file");
        assertEquals(60, serve.uploadLinkSeconds, "the environment");
        assertEquals(2048, serve.maxUploadBytes, "the file");
        assertEquals(directory.resolve("state"), serve.data, "a path in the file is taken from the file's folder");
        assertEquals("warn", serve.logLevel);
        assertEquals(3600, serve.audioLinkSeconds, "the default");
        assertEquals(3, serve.maxAttempts, "the default");
    }

    @Test
    void theFileNamedByConfigIsReadWhereverTheFlagStands() throws Exception {
        Path conf = Files.writeString(directory.resolve("other.properties"), "port=7003\n");
        assertEquals(7003, parse(Map.of(), "serve", "--config", conf.toString()).port);
        assertEquals(7003, parse(Map.of(), "--config=" + conf, "serve").port);
    }

    @Test
    void badValuesFromAnySourceAreUsageErrors() throws Exception {
        Path conf = Files.writeString(
                Files.createDirectories(directory.resolve("conf")).resolve("callintel.properties"), "port=eighty\n");
        Run fromFile = execute(Map.of("CALLINTEL_CONFIG", conf.toString()), "serve");
        assertEquals(2, fromFile.exitCode(), fromFile.err());
        assertTrue(fromFile.err().contains("'eighty' is not an int (from port in " + conf + ")"), fromFile.err());
        Run fromEnvironment = execute(Map.of("CALLINTEL_PORT", "eighty"), "serve");
        assertTrue(
                fromEnvironment.err().contains("(from the environment variable CALLINTEL_PORT)"),
                fromEnvironment.err());
        Run fromFlag = execute(Map.of("CALLINTEL_PORT", "eighty"), "serve", "--port", "x");
        assertTrue(fromFlag.err().contains("'x' is not an int\n"), "a flag's value is its own: " + fromFlag.err());

        Run run = execute(
                Map.of("CALLINTEL_LOG_LEVEL", "chatty", "CALLINTEL_PORT", "0"),
                "serve",
                "--data",
                directory.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--log-level must be one of"), run.err());

        Run limit = execute(Map.of(), "serve", "--upload-link-ttl", "0", "--data", directory.toString());
        assertEquals(2, limit.exitCode(), limit.err());
        assertTrue(limit.err().contains("link lifetimes must be 1 second to 7 days"), limit.err());
    }

    @Test
    void aNamedConfigFileThatIsMissingIsAnError() {
        Path missing = directory.resolve("missing.properties");
        assertThrows(ModelConfigException.class, () -> commandLine(Map.of(), "--config", missing.toString(), "serve"));
    }

    private record Run(int exitCode, String err) {}

    private ServeCommand parse(Map<String, String> environment, String... args) {
        CommandLine cli = commandLine(environment, args);
        cli.parseArgs(args);
        return cli.getSubcommands().get("serve").getCommand();
    }

    private Run execute(Map<String, String> environment, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(
                () -> null,
                new ModelPathResolver(Map.of(), directory, List.of()),
                Cli.JSON,
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        Main.configureDefaults(cli, environment, directory, args);
        return new Run(cli.execute(args), err.toString());
    }

    private CommandLine commandLine(Map<String, String> environment, String... args) {
        CommandLine cli = Main.commandLine(
                () -> null,
                new ModelPathResolver(Map.of(), directory, List.of()),
                Cli.JSON,
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        Main.configureDefaults(cli, environment, directory, args);
        return cli;
    }
}
