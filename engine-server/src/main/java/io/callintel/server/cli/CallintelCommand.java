package io.callintel.server.cli;

import io.callintel.core.config.ModelOverrides;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code callintel} command. It only holds the global options; the work is done by
 * its subcommands. The model options are inherited, so they may be given before or after the
 * subcommand name, and are read only by subcommands that need the models.
 */
@Command(
        name = "callintel",
        mixinStandardHelpOptions = true,
        description = "Offline call intelligence: decode, transcribe and analyse call recordings on this machine.",
        footerHeading = "%nModel locations%n",
        footer = "Each model is taken from, in order: its option; its environment variable (CALLINTEL_VOSK_MODEL,"
                + " CALLINTEL_EMBEDDING_MODEL); the config file (--config, else CALLINTEL_CONFIG, else"
                + " ./callintel.properties; keys vosk.model, embedding.model); else models/ under CALLINTEL_HOME or the"
                + " installation. Nothing is downloaded at run time. `callintel models` shows the result.",
        exitCodeListHeading = "%nExit codes%n",
        exitCodeList = {"0:success", "1:failure (for probe: at least one file did not decode)", "2:bad usage"})
final class CallintelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "Properties file naming the models (keys vosk.model, embedding.model).")
    Path configFile;

    @Option(
            names = "--vosk-model",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Vosk speech model directory.")
    Path voskModel;

    @Option(
            names = "--embedding-model",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Embedding model directory (model.onnx and tokenizer.json).")
    Path embeddingModel;

    ModelOverrides modelOverrides() {
        return new ModelOverrides(voskModel, embeddingModel, configFile);
    }

    /** Run without a subcommand: that is a usage error (exit 2, usage on stderr). */
    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing a command: " + String.join(", ", spec.subcommands().keySet()));
    }
}
