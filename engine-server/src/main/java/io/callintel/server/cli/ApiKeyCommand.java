package io.callintel.server.cli;

import io.callintel.server.auth.ApiKeys;
import io.callintel.server.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code callintel api-key --org ORG_UUID [--name NAME]}: a new API key, shown once. */
@Command(
        name = "api-key",
        mixinStandardHelpOptions = true,
        description = {
            "Creates an API key for an organization, for 'Authorization: Token KEY', and prints it.",
            "Only its hash is stored (in the data directory's database): keep the printed key safe.",
            "Works while the server runs."
        })
final class ApiKeyCommand implements Callable<Integer> {

    private final PrintWriter out;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--name",
            defaultValue = "api-key",
            description = "A label, to tell keys apart (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    OrgFlags target;

    ApiKeyCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        String org = target.org(spec.commandLine());
        try (Database db = target.storage().openDatabase()) {
            out.println(new ApiKeys(db, Clock.systemUTC()).create(org, name));
        }
        return 0;
    }
}
