package io.callintel.server.cli;

import io.callintel.core.config.ConfigFile;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where the options of {@code serve}, {@code worker}, {@code token}, {@code api-key} and {@code correct} (the
 * commands that work on a data directory or database) come from when they are not given as flags: the environment
 * variable
 * {@code CALLINTEL_<NAME>} ({@code --max-attempts}: {@code CALLINTEL_MAX_ATTEMPTS}), else the config file's
 * key {@code <name>} ({@code max-attempts}), else the option's own default. Paths in the file are taken
 * against the file's directory, as the model paths are.
 */
final class ConfiguredDefaults implements IDefaultValueProvider {

    /** Resolved elsewhere (ModelPathResolver), with keys of their own. */
    private static final Set<String> NOT_HERE = Set.of("config", "vosk-model", "embedding-model", "help", "version");

    private final Map<String, String> environment;
    private final Optional<ConfigFile> file;

    ConfiguredDefaults(Map<String, String> environment, Optional<ConfigFile> file) {
        this.environment = Map.copyOf(environment);
        this.file = file;
    }

    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^--", "");
    }

    static String variable(String key) {
        return "CALLINTEL_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** A configured value and where it came from. */
    private record Setting(String value, String origin) {}

    /** Where the option's configured value comes from, for error messages; empty when it has none here. */
    Optional<String> origin(ArgSpec argument) {
        return setting(argument).map(Setting::origin);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        return setting(argument).map(Setting::value).orElse(null);
    }

    /** The environment first, then the file; nothing for the options resolved elsewhere. */
    private Optional<Setting> setting(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || NOT_HERE.contains(key(option))) {
            return Optional.empty();
        }
        String key = key(option);
        String fromEnvironment = environment.get(variable(key));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new Setting(fromEnvironment.trim(), "from the environment variable " + variable(key)));
        }
        return file.flatMap(f -> (option.type() == Path.class ? f.path(key) : f.value(key))
                .map(value -> new Setting(value.toString(), "from " + key + " in " + f.path())));
    }
}
