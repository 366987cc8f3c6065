package io.callintel.core.config;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the two offline models. For each model, the first source that names it wins:
 * <ol>
 *   <li>the explicit value ({@code --vosk-model}, {@code --embedding-model});</li>
 *   <li>the environment ({@code CALLINTEL_VOSK_MODEL}, {@code CALLINTEL_EMBEDDING_MODEL});</li>
 *   <li>the config file ({@code --config FILE}, else {@code CALLINTEL_CONFIG}, else {@code ./callintel.properties}
 *       if present), keys {@code vosk.model} and {@code embedding.model};</li>
 *   <li>the default, where the build unpacks them: {@code <project root>/models/vosk-model-en-us} and
 *       {@code <project root>/models/e5-small-v2-q}. The project root is {@code CALLINTEL_HOME} if set,
 *       else the nearest directory holding the model, walking up from the code's location and then from
 *       the working directory.</li>
 * </ol>
 * A source that names a location which is not a valid model is an error; the lookup does not fall
 * through to the next source, because that would hide the mistake. Nothing is ever downloaded.
 *
 * <p>The environment, working directory and code locations are passed in, so the whole policy is
 * testable without touching the real process environment.
 */
public final class ModelPathResolver {

    public static final String HOME_VARIABLE = "CALLINTEL_HOME";

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final List<Path> codeLocations;

    /**
     * @param environment      environment variables (normally {@link System#getenv()})
     * @param workingDirectory against which relative paths from flags and variables are resolved
     * @param codeLocations    jars or class directories of the running code, the first places walked up from
     */
    public ModelPathResolver(Map<String, String> environment, Path workingDirectory, List<Path> codeLocations) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.codeLocations = codeLocations.stream()
                .map(path -> path.toAbsolutePath().normalize())
                .toList();
    }

    /** The resolver for this process: the real environment, working directory and the location of {@code anchor}'s code. */
    public static ModelPathResolver forProcess(Class<?> anchor) {
        return new ModelPathResolver(
                System.getenv(),
                Path.of("").toAbsolutePath(),
                codeLocation(anchor).stream().toList());
    }

    /** The jar or class directory {@code anchor} was loaded from, when it is a plain file. */
    static Optional<Path> codeLocation(Class<?> anchor) {
        try {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
            // Not loaded from the file system (a nested jar, jrt:...): the working directory is still walked.
            return Optional.empty();
        }
    }

    /** Both models, or one error describing every model that could not be found. */
    public ModelPaths resolve(ModelOverrides overrides) {
        ConfigFile.Located config = configFile(overrides);
        Lookup vosk = lookup(ModelKind.VOSK, overrides.voskModel(), config);
        Lookup embedding = lookup(ModelKind.EMBEDDING, overrides.embeddingModel(), config);
        if (vosk.failure() != null || embedding.failure() != null) {
            // Both problems at once: fixing one model only to be told about the other is a wasted round trip.
            throw new ModelConfigException(Stream.of(vosk.failure(), embedding.failure())
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining("\n\n")));
        }
        return new ModelPaths(vosk.path(), embedding.path());
    }

    /** The Vosk model alone, for commands that only transcribe. */
    public Path voskModel(ModelOverrides overrides) {
        return lookup(ModelKind.VOSK, overrides.voskModel(), configFile(overrides))
                .orThrow();
    }

    /** The embedding model alone, for commands that only classify text. */
    public Path embeddingModel(ModelOverrides overrides) {
        return lookup(ModelKind.EMBEDDING, overrides.embeddingModel(), configFile(overrides))
                .orThrow();
    }

    private ConfigFile.Located configFile(ModelOverrides overrides) {
        return ConfigFile.locate(overrides.configFile(), environment, workingDirectory);
    }

    /** The outcome for one model: a valid directory, or a message for people. */
    private record Lookup(Path path, String failure) {
        Path orThrow() {
            if (failure != null) {
                throw new ModelConfigException(failure);
            }
            return path;
        }
    }

    private Lookup lookup(ModelKind kind, Path explicit, ConfigFile.Located config) {
        List<String> looked = new ArrayList<>();
        if (explicit != null) {
            return check(kind, workingDirectory.resolve(explicit).normalize(), kind.flag + " " + explicit, looked);
        }
        looked.add(kind.flag + ": not given");

        String fromEnvironment = Text.nonBlank(environment.get(kind.environmentVariable));
        if (fromEnvironment != null) {
            return check(
                    kind,
                    workingDirectory.resolve(fromEnvironment).normalize(),
                    kind.environmentVariable + "=" + fromEnvironment,
                    looked);
        }
        looked.add(kind.environmentVariable + ": not set");

        if (config.file().isPresent()) {
            ConfigFile file = config.file().get();
            Optional<Path> fromFile = file.path(kind.propertyKey);
            if (fromFile.isPresent()) {
                return check(kind, fromFile.get(), kind.propertyKey + " in " + file.path(), looked);
            }
            looked.add("config file " + file.path() + ": no " + kind.propertyKey + " key");
        } else {
            looked.add("config file: " + config.description());
        }
        return defaultLocation(kind, looked);
    }

    private Lookup defaultLocation(ModelKind kind, List<String> looked) {
        String home = Text.nonBlank(environment.get(HOME_VARIABLE));
        if (home != null) {
            Path root = workingDirectory.resolve(home).normalize();
            return check(kind, kind.defaultUnder(root), "default under " + HOME_VARIABLE + "=" + home, looked);
        }
        Set<Path> searched = new LinkedHashSet<>();
        for (Path start : walkStarts()) {
            for (Path directory = start; directory != null; directory = directory.getParent()) {
                if (!searched.add(directory)) {
                    break; // already walked from here up by an earlier start
                }
                if (Files.isDirectory(kind.defaultUnder(directory))) {
                    // The nearest copy is the one this installation built; a half-unpacked one is reported, not
                    // skipped.
                    return check(kind, kind.defaultUnder(directory), "default found by walking up", looked);
                }
            }
        }
        looked.add("default: " + HOME_VARIABLE + " not set, and no " + ModelKind.MODELS_DIR + "/"
                + kind.defaultDirectoryName + " in any of "
                + searched.stream().map(Path::toString).collect(Collectors.joining(", ")));
        return new Lookup(null, failure(kind, looked));
    }

    /** The code locations first (the installation this code belongs to), then the working directory. */
    private List<Path> walkStarts() {
        List<Path> starts = new ArrayList<>();
        for (Path location : codeLocations) {
            starts.add(Files.isDirectory(location) ? location : location.getParent());
        }
        starts.add(workingDirectory);
        return starts.stream().filter(Objects::nonNull).toList();
    }

    private static Lookup check(ModelKind kind, Path directory, String source, List<String> looked) {
        Optional<String> defect = kind.defect(directory);
        if (defect.isEmpty()) {
            return new Lookup(directory, null);
        }
        looked.add(source + ": " + directory + " " + defect.get());
        return new Lookup(null, failure(kind, looked));
    }

    private static String failure(ModelKind kind, List<String> looked) {
        StringBuilder message =
                new StringBuilder("No usable ").append(kind.title).append(". Looked at, in order of precedence:\n");
        for (String line : looked) {
            message.append("  ").append(line).append('\n');
        }
        message.append(
                        "To fix: build the models (./mvnw -q -pl models package, which the ./callintel launcher runs on first use),")
                .append(" or give the ")
                .append(kind.title)
                .append(" directory with ")
                .append(kind.flag)
                .append(" DIR, the environment variable ")
                .append(kind.environmentVariable)
                .append("=DIR, or ")
                .append(kind.propertyKey)
                .append("=DIR in a config file (--config FILE, ")
                .append(ConfigFile.ENVIRONMENT_VARIABLE)
                .append(" or ./")
                .append(ConfigFile.DEFAULT_NAME)
                .append(").");
        return message.toString();
    }
}
