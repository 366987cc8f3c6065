package io.callintel.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.config.ModelPaths;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * {@code callintel models}: shows which model directories the other commands would use, so that a
 * configuration can be checked before a long run. Fails (exit 1) with every place looked at when
 * a model is missing.
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Prints the model directories in use as one JSON object: vosk_model, embedding_model.")
final class ModelsCommand implements Callable<Integer> {

    private final Supplier<ModelPaths> models;
    private final JsonLines out;

    ModelsCommand(Supplier<ModelPaths> models, JsonLines out) {
        this.models = models;
        this.out = out;
    }

    @Override
    public Integer call() {
        ModelPaths paths = models.get();
        ObjectNode node = out.object();
        node.put("vosk_model", paths.voskModel().toString());
        node.put("embedding_model", paths.embeddingModel().toString());
        out.write(node);
        return 0;
    }
}
