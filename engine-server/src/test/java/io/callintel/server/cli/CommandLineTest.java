package io.callintel.server.cli;

import static io.callintel.server.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callintel.core.config.ModelPathResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path temp;

    @Test
    void versionIsTheProjectVersion() {
        Cli.Run run = run("--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("callintel \\d+\\.\\d+\\.\\d+\\S*\\R"), run.out());
    }

    @Test
    void helpListsTheCommands() {
        Cli.Run run = run("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("probe") && run.out().contains("--vosk-model"), run.out());
    }

    @Test
    void noCommandOrAnUnknownOneIsBadUsage() {
        for (String[] args : List.of(new String[0], new String[] {"transmogrify"}, new String[] {"--frobnicate"})) {
            Cli.Run run = run(args);
            assertEquals(2, run.exitCode(), run::err);
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("callintel: "), run::err);
            assertTrue(run.err().contains("Try 'callintel --help' for more information."), run::err);
        }
    }

    @Test
    void modelsPrintsTheResolvedDirectories() throws IOException {
        Path home = install(temp.resolve("home"));
        ModelPathResolver resolver = new ModelPathResolver(Map.of("CALLINTEL_HOME", home.toString()), temp, List.of());

        Cli.Run run = run(resolver, "models");

        assertEquals(0, run.exitCode(), run::err);
        JsonNode line = run.json().getFirst();
        assertEquals(
                home.resolve("models/vosk-model-en-us").toString(),
                line.get("vosk_model").asText());
        assertEquals(
                home.resolve("models/e5-small-v2-q").toString(),
                line.get("embedding_model").asText());
    }

    @Test
    void globalModelOptionsWorkBeforeAndAfterTheCommand() throws IOException {
        Path home = install(temp.resolve("home"));
        Path other = install(temp.resolve("other")).resolve("models/vosk-model-en-us");
        ModelPathResolver resolver = new ModelPathResolver(Map.of("CALLINTEL_HOME", home.toString()), temp, List.of());

        for (String[] args : List.of(
                new String[] {"--vosk-model", other.toString(), "models"},
                new String[] {"models", "--vosk-model", other.toString()})) {
            Cli.Run run = run(resolver, args);
            assertEquals(0, run.exitCode(), run::err);
            assertEquals(
                    other.toString(), run.json().getFirst().get("vosk_model").asText());
        }
    }

    @Test
    void configOptionIsHonoured() throws IOException {
        Path other = install(temp.resolve("other"));
        Path config = Files.writeString(
                temp.resolve("engine.properties"),
                "vosk.model=other/models/vosk-model-en-us\nembedding.model=other/models/e5-small-v2-q\n");

        Cli.Run run = run(new ModelPathResolver(Map.of(), temp, List.of()), "--config", config.toString(), "models");

        assertEquals(0, run.exitCode(), run::err);
        assertEquals(
                other.resolve("models/e5-small-v2-q").toString(),
                run.json().getFirst().get("embedding_model").asText());
    }

    @Test
    void missingModelsAreExplainedOnStderrWithExitCode1() {
        Cli.Run run = run(new ModelPathResolver(Map.of(), temp, List.of()), "models");

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("callintel: No usable Vosk speech model"), run::err);
        assertTrue(
                run.err().contains("CALLINTEL_VOSK_MODEL") && run.err().contains("CALLINTEL_EMBEDDING_MODEL"),
                run::err);
        assertTrue(!run.err().contains("\tat "), "no stack trace for a configuration problem");
    }

    private static Path install(Path root) throws IOException {
        Files.createDirectories(root.resolve("models/vosk-model-en-us/am"));
        Files.writeString(root.resolve("models/vosk-model-en-us/am/final.mdl"), "x");
        Files.createDirectories(root.resolve("models/e5-small-v2-q"));
        Files.writeString(root.resolve("models/e5-small-v2-q/model.onnx"), "x");
        Files.writeString(root.resolve("models/e5-small-v2-q/tokenizer.json"), "{}");
        return root;
    }
}
