package io.callintel.server.cli;

import io.callintel.server.auth.ApiKeys;
import io.callintel.server.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code callintel api-key --org ORG_UUID [--name NAME]}: a new API key, shown once. */
@Command(
        name = "api-key",
        mixinStandardHelpOptions = true,
        description = {"Creates an API key for an organization, for 'Authorization: Token KEY', and prints it.",
                "Only its hash is stored (in the data directory's database): keep the printed key safe.",
                "Works while the server runs."})
final class ApiKeyCommand implements Callable<Integer> {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PrintWriter out;

    @Spec
    CommandSpec spec;

    @Option(names = "--org", required = true, paramLabel = "ORG_UUID", description = "The organization the key acts for.")
    String org;

    @Option(names = "--name", defaultValue = "api-key", description = "A label, to tell keys apart (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
            description = "Data directory of the server (default: ${DEFAULT-VALUE}).")
    Path data;

    ApiKeyCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        if (!UUID.matcher(org).matches()) {
            throw new ParameterException(spec.commandLine(), "--org must be a UUID, got '" + org + "'");
        }
        try (Database db = Database.open(Files.createDirectories(data).resolve("callintel.db"))) {
            out.println(new ApiKeys(db, Clock.systemUTC()).create(org.toLowerCase(Locale.ROOT), name));
        }
        return 0;
    }
}
