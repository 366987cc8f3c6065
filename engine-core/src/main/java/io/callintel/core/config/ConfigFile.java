package io.callintel.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The optional properties file: the models ({@code vosk.model}, {@code embedding.model}) and the server's
 * settings (read by the command line). Relative paths in it are taken against the file's own directory,
 * so a config file keeps working whatever directory the engine is started from.
 */
public record ConfigFile(Path path, Properties properties) {

    static final String ENVIRONMENT_VARIABLE = "CALLINTEL_CONFIG";
    static final String DEFAULT_NAME = "callintel.properties";

    /** The config file in effect, if any, and how it was chosen (for error messages). */
    public record Located(Optional<ConfigFile> file, String description) {}

    /**
     * {@code --config} if given, else {@code CALLINTEL_CONFIG}, else {@code ./callintel.properties} if it exists,
     * else the installation's {@code conf/callintel.properties} under {@code CALLINTEL_HOME} if it exists (the
     * distribution ships one). A file that was named explicitly must exist: silently ignoring a typo would hide
     * the mistake.
     */
    public static Located locate(Path explicit, Map<String, String> environment, Path workingDirectory) {
        if (explicit != null) {
            Path path = workingDirectory.resolve(explicit).normalize();
            return new Located(Optional.of(load(path, "--config " + explicit)), "--config " + path);
        }
        String fromEnvironment = Text.nonBlank(environment.get(ENVIRONMENT_VARIABLE));
        if (fromEnvironment != null) {
            Path path = workingDirectory.resolve(fromEnvironment).normalize();
            return new Located(
                    Optional.of(load(path, ENVIRONMENT_VARIABLE + "=" + fromEnvironment)),
                    ENVIRONMENT_VARIABLE + "=" + path);
        }
        Path local = workingDirectory.resolve(DEFAULT_NAME);
        if (Files.exists(local)) {
            return new Located(Optional.of(load(local, "the working directory")), local.toString());
        }
        String home = Text.nonBlank(environment.get(ModelPathResolver.HOME_VARIABLE));
        if (home != null) {
            Path installed = workingDirectory
                    .resolve(home)
                    .resolve("conf")
                    .resolve(DEFAULT_NAME)
                    .normalize();
            if (Files.exists(installed)) {
                return new Located(Optional.of(load(installed, "the installation")), installed.toString());
            }
        }
        return new Located(
                Optional.empty(), "none (no --config, " + ENVIRONMENT_VARIABLE + " not set, no " + local + ")");
    }

    static ConfigFile load(Path path, String origin) {
        if (!Files.isRegularFile(path)) {
            throw new ModelConfigException("Config file " + path + " (from " + origin + ") "
                    + (Files.exists(path) ? "is not a regular file." : "does not exist."));
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: Properties.load rejects a malformed \\uXXXX escape.
            throw new ModelConfigException(
                    "Cannot read config file " + path + " (from " + origin + "): " + e.getMessage(), e);
        }
        return new ConfigFile(path, properties);
    }

    /** The value stored under {@code key}, trimmed; empty when the key is absent or blank. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(Text.nonBlank(properties.getProperty(key))).map(String::trim);
    }

    /** The path stored under {@code key}, resolved against this file's directory; empty when the key is absent or blank. */
    public Optional<Path> path(String key) {
        return Optional.ofNullable(Text.nonBlank(properties.getProperty(key)))
                .map(value -> path.toAbsolutePath().getParent().resolve(value).normalize());
    }
}
