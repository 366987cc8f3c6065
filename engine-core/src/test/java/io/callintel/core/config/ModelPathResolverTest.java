package io.callintel.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPathResolverTest {

    @TempDir
    Path temp;

    private Path workingDirectory;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        workingDirectory = Files.createDirectories(temp.resolve("work"));
    }

    // --- precedence -------------------------------------------------------------------------------

    @Test
    void explicitValueBeatsEnvironmentConfigFileAndDefault() throws IOException {
        Path flag = vosk(temp.resolve("flag"));
        environment.put("CALLINTEL_VOSK_MODEL", vosk(temp.resolve("env")).toString());
        config(workingDirectory.resolve("callintel.properties"), "vosk.model=" + vosk(temp.resolve("file")));
        installDefaults(temp.resolve("home"));
        environment.put("CALLINTEL_HOME", temp.resolve("home").toString());

        Path found = resolver().voskModel(new ModelOverrides(flag, null, null));

        assertEquals(flag, found);
    }

    @Test
    void environmentBeatsConfigFileAndDefault() throws IOException {
        Path fromEnvironment = embedding(temp.resolve("env"));
        environment.put("CALLINTEL_EMBEDDING_MODEL", fromEnvironment.toString());
        config(workingDirectory.resolve("callintel.properties"), "embedding.model=" + embedding(temp.resolve("file")));
        installDefaults(temp.resolve("home"));
        environment.put("CALLINTEL_HOME", temp.resolve("home").toString());

        assertEquals(fromEnvironment, resolver().embeddingModel(ModelOverrides.none()));
    }

    @Test
    void configFileBeatsDefaultAndItsRelativePathsAreTakenAgainstItsOwnDirectory() throws IOException {
        Path configDirectory = Files.createDirectories(temp.resolve("etc"));
        Path model = vosk(configDirectory.resolve("models/my-vosk"));
        Path file = config(configDirectory.resolve("engine.properties"), "vosk.model=models/my-vosk");
        installDefaults(temp.resolve("home"));
        environment.put("CALLINTEL_HOME", temp.resolve("home").toString());

        assertEquals(model, resolver().voskModel(new ModelOverrides(null, null, file)));
    }

    @Test
    void eachModelTakesItsOwnHighestSource() throws IOException {
        Path home = installDefaults(temp.resolve("home"));
        environment.put("CALLINTEL_HOME", home.toString());
        Path fromEnvironment = vosk(temp.resolve("env-vosk"));
        environment.put("CALLINTEL_VOSK_MODEL", fromEnvironment.toString());

        ModelPaths paths = resolver().resolve(ModelOverrides.none());

        assertEquals(fromEnvironment, paths.voskModel());
        assertEquals(home.resolve("models/e5-small-v2-q"), paths.embeddingModel());
        assertEquals(home.resolve("models/e5-small-v2-q/model.onnx"), paths.embeddingOnnx());
    }

    @Test
    void configFlagBeatsConfigVariableWhichBeatsWorkingDirectoryFile() throws IOException {
        Path a = vosk(temp.resolve("a"));
        Path b = vosk(temp.resolve("b"));
        Path c = vosk(temp.resolve("c"));
        Path flagFile = config(temp.resolve("flag.properties"), "vosk.model=" + a);
        Path environmentFile = config(temp.resolve("env.properties"), "vosk.model=" + b);
        config(workingDirectory.resolve("callintel.properties"), "vosk.model=" + c);

        assertEquals(c, resolver().voskModel(ModelOverrides.none()));
        environment.put("CALLINTEL_CONFIG", environmentFile.toString());
        assertEquals(b, resolver().voskModel(ModelOverrides.none()));
        assertEquals(a, resolver().voskModel(new ModelOverrides(null, null, flagFile)));
    }

    @Test
    void theInstallationsConfigFileCountsWhenNoOtherIsNamedOrFound() throws IOException {
        Path home = temp.resolve("installation");
        Path installed = vosk(temp.resolve("installed"));
        Path local = vosk(temp.resolve("local"));
        config(
                Files.createDirectories(home.resolve("conf")).resolve("callintel.properties"),
                "vosk.model=" + installed);
        environment.put("CALLINTEL_HOME", home.toString());
        assertEquals(installed, resolver().voskModel(ModelOverrides.none()));

        config(workingDirectory.resolve("callintel.properties"), "vosk.model=" + local);
        assertEquals(local, resolver().voskModel(ModelOverrides.none()), "the working directory's file comes first");
    }

    @Test
    void relativeFlagsAndVariablesAreTakenAgainstTheWorkingDirectory() throws IOException {
        Path model = vosk(workingDirectory.resolve("mine/vosk"));
        assertEquals(model, resolver().voskModel(new ModelOverrides(Path.of("mine/vosk"), null, null)));

        environment.put("CALLINTEL_VOSK_MODEL", "mine/vosk");
        assertEquals(model, resolver().voskModel(ModelOverrides.none()));
    }

    @Test
    void blankVariablesCountAsNotSet() throws IOException {
        Path home = installDefaults(temp.resolve("home"));
        environment.put("CALLINTEL_HOME", home.toString());
        environment.put("CALLINTEL_VOSK_MODEL", "  ");
        environment.put("CALLINTEL_CONFIG", "");

        assertEquals(home.resolve("models/vosk-model-en-us"), resolver().voskModel(ModelOverrides.none()));
    }

    // --- the default location ---------------------------------------------------------------------

    @Test
    void defaultIsUnderCallintelHome() throws IOException {
        Path home = installDefaults(temp.resolve("home"));
        environment.put("CALLINTEL_HOME", home.toString());

        ModelPaths paths = resolver().resolve(ModelOverrides.none());

        assertEquals(
                new ModelPaths(home.resolve("models/vosk-model-en-us"), home.resolve("models/e5-small-v2-q")), paths);
    }

    @Test
    void defaultIsFoundByWalkingUpFromTheCodeLocation() throws IOException {
        Path project = installDefaults(temp.resolve("project"));
        Path jar = Files.createDirectories(project.resolve("engine-server/target/dist/lib"))
                .resolve("engine-server.jar");
        Files.writeString(jar, "not really a jar");

        ModelPaths paths = resolver(jar).resolve(ModelOverrides.none());

        assertEquals(project.resolve("models/vosk-model-en-us"), paths.voskModel());
    }

    @Test
    void defaultIsFoundByWalkingUpFromTheWorkingDirectory() throws IOException {
        Path project = installDefaults(temp.resolve("project"));
        workingDirectory = Files.createDirectories(project.resolve("engine-audio/src"));

        assertEquals(
                project.resolve("models/vosk-model-en-us"),
                resolver(temp.resolve("elsewhere/classes")).voskModel(ModelOverrides.none()));
    }

    @Test
    void theCodeLocationWinsOverTheWorkingDirectory() throws IOException {
        Path installed = installDefaults(temp.resolve("installed"));
        Path classes = Files.createDirectories(installed.resolve("engine-server/target/classes"));
        Path other = installDefaults(temp.resolve("other"));
        workingDirectory = other;

        assertEquals(
                installed.resolve("models/vosk-model-en-us"), resolver(classes).voskModel(ModelOverrides.none()));
    }

    // --- errors -----------------------------------------------------------------------------------

    @Test
    void missingModelsNameEveryPlaceLookedAtAndHowToOverride() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("app/classes"));

        ModelConfigException error =
                assertThrows(ModelConfigException.class, () -> resolver(classes).resolve(ModelOverrides.none()));

        String message = error.getMessage();
        for (String expected : List.of(
                "No usable Vosk speech model",
                "No usable embedding model",
                "--vosk-model: not given",
                "CALLINTEL_VOSK_MODEL: not set",
                "--embedding-model: not given",
                "CALLINTEL_EMBEDDING_MODEL: not set",
                "CALLINTEL_CONFIG not set",
                workingDirectory.resolve("callintel.properties").toString(),
                "CALLINTEL_HOME not set",
                "models/vosk-model-en-us",
                "models/e5-small-v2-q",
                classes.toString(),
                temp.resolve("app").toString(),
                workingDirectory.toString(),
                "--vosk-model DIR",
                "CALLINTEL_VOSK_MODEL=DIR",
                "vosk.model=DIR",
                "--embedding-model DIR",
                "CALLINTEL_EMBEDDING_MODEL=DIR",
                "embedding.model=DIR",
                "./mvnw -q -pl models package")) {
            assertTrue(message.contains(expected), () -> "missing '" + expected + "' in:\n" + message);
        }
    }

    @Test
    void aWrongExplicitValueIsReportedNotSkipped() throws IOException {
        Path home = installDefaults(temp.resolve("home"));
        environment.put("CALLINTEL_HOME", home.toString());

        ModelConfigException error = assertThrows(
                ModelConfigException.class, () -> resolver().resolve(new ModelOverrides(Path.of("typo"), null, null)));

        assertTrue(
                error.getMessage()
                        .contains("--vosk-model typo: " + workingDirectory.resolve("typo") + " does not exist"),
                error.getMessage());
        assertTrue(!error.getMessage().contains("embedding model"), error.getMessage());
    }

    @Test
    void aWrongEnvironmentValueNamesTheVariable() throws IOException {
        Path notAModel = Files.createDirectories(temp.resolve("empty"));
        environment.put("CALLINTEL_VOSK_MODEL", notAModel.toString());

        ModelConfigException error =
                assertThrows(ModelConfigException.class, () -> resolver().voskModel(ModelOverrides.none()));

        assertTrue(error.getMessage().contains("CALLINTEL_VOSK_MODEL=" + notAModel), error.getMessage());
        assertTrue(error.getMessage().contains("missing am/final.mdl"), error.getMessage());
    }

    @Test
    void anIncompleteEmbeddingModelNamesTheMissingFile() throws IOException {
        Path model = Files.createDirectories(temp.resolve("minilm"));
        Files.writeString(model.resolve("model.onnx"), "x");

        ModelConfigException error = assertThrows(
                ModelConfigException.class, () -> resolver().embeddingModel(new ModelOverrides(null, model, null)));

        assertTrue(error.getMessage().contains("missing tokenizer.json"), error.getMessage());
    }

    @Test
    void aHomeWithoutModelsSaysSo() throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        environment.put("CALLINTEL_HOME", home.toString());

        ModelConfigException error =
                assertThrows(ModelConfigException.class, () -> resolver().voskModel(ModelOverrides.none()));

        assertTrue(
                error.getMessage()
                        .contains("CALLINTEL_HOME=" + home + ": " + home.resolve("models/vosk-model-en-us")
                                + " does not exist"),
                error.getMessage());
    }

    @Test
    void aConfigFileWithoutTheKeyIsNamedInTheError() throws IOException {
        Path file = config(workingDirectory.resolve("callintel.properties"), "# nothing here");

        ModelConfigException error =
                assertThrows(ModelConfigException.class, () -> resolver().voskModel(ModelOverrides.none()));

        assertTrue(error.getMessage().contains("config file " + file + ": no vosk.model key"), error.getMessage());
    }

    @Test
    void aNamedConfigFileMustExist() {
        ModelConfigException error = assertThrows(
                ModelConfigException.class,
                () -> resolver().resolve(new ModelOverrides(null, null, Path.of("nope.properties"))));
        assertTrue(
                error.getMessage()
                        .contains(workingDirectory.resolve("nope.properties")
                                + " (from --config nope.properties) does not exist"),
                error.getMessage());

        environment.put("CALLINTEL_CONFIG", temp.resolve("gone.properties").toString());
        error = assertThrows(ModelConfigException.class, () -> resolver().resolve(ModelOverrides.none()));
        assertTrue(error.getMessage().contains("CALLINTEL_CONFIG="), error.getMessage());
    }

    @Test
    void aMalformedConfigFileIsAClearError() throws IOException {
        Path file = config(temp.resolve("bad.properties"), "vosk.model=\\uZZZZ");

        ModelConfigException error = assertThrows(
                ModelConfigException.class, () -> resolver().resolve(new ModelOverrides(null, null, file)));

        assertTrue(error.getMessage().startsWith("Cannot read config file " + file), error.getMessage());
    }

    // --- helpers ----------------------------------------------------------------------------------

    private ModelPathResolver resolver(Path... codeLocations) {
        return new ModelPathResolver(environment, workingDirectory, List.of(codeLocations));
    }

    private static Path installDefaults(Path projectRoot) throws IOException {
        vosk(projectRoot.resolve("models/vosk-model-en-us"));
        embedding(projectRoot.resolve("models/e5-small-v2-q"));
        return projectRoot;
    }

    private static Path vosk(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("am"));
        Files.writeString(directory.resolve("am/final.mdl"), "model");
        return directory;
    }

    private static Path embedding(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("model.onnx"), "onnx");
        Files.writeString(directory.resolve("tokenizer.json"), "{}");
        return directory;
    }

    private static Path config(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content + "\n");
        return file;
    }
}
