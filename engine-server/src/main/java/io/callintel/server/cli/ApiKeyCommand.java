package io.callintel.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.core.Uuids;
import io.callintel.server.auth.ApiKeys;
import io.callintel.server.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callintel api-key --org ORG_UUID [--name NAME] [--usecase UUID] [--read-only]}: a new API key, shown once;
 * {@code --list} lists the organization's keys, {@code --revoke ID} revokes one.
 */
@Command(
        name = "api-key",
        mixinStandardHelpOptions = true,
        description = {
            "Creates an API key for an organization, for 'Authorization: Token KEY', and prints it; optionally",
            "limited to one use case (--usecase) or to reads (--read-only). Only its hash is stored: keep the",
            "printed key safe. --list prints the organization's keys (id, name, created, last used, limits) as JSON",
            "lines, never the keys; --revoke ID stops one at once. Works while the server runs."
        },
        exitCodeListHeading = "%nExit codes%n",
        exitCodeList = {"0:done", "1:--revoke named no key of the organization", "2:bad usage"})
final class ApiKeyCommand implements Callable<Integer> {

    private final PrintWriter out;
    private final ObjectMapper json = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--name",
            defaultValue = "api-key",
            description = "A label, to tell keys apart (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--usecase", paramLabel = "UUID", description = "Limit the new key to this use case.")
    String useCase;

    @Option(names = "--read-only", description = "Limit the new key to reading.")
    boolean readOnly;

    @Option(names = "--list", description = "List the organization's keys instead of creating one.")
    boolean list;

    @Option(names = "--revoke", paramLabel = "ID", description = "Revoke the key with this id instead.")
    String revoke;

    @Mixin
    OrgFlags target;

    ApiKeyCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        String org = target.org(spec.commandLine());
        if (list && revoke != null) {
            throw new ParameterException(spec.commandLine(), "--list and --revoke do not go together");
        }
        if (useCase != null && !Uuids.isUuid(useCase)) {
            throw new ParameterException(spec.commandLine(), "--usecase must be a UUID, got '" + useCase + "'");
        }
        try (Database db = target.storage().openDatabase()) {
            ApiKeys keys = new ApiKeys(db, Clock.systemUTC());
            if (list) {
                for (ApiKeys.Listed key : keys.list(org)) {
                    out.println(json.writeValueAsString(json.createObjectNode()
                            .put("id", key.id())
                            .put("name", key.name())
                            .put("created_at", key.createdAt().toString())
                            .put(
                                    "last_used_at",
                                    key.lastUsedAt().map(Object::toString).orElse(null))
                            .put("usecase_uuid", key.useCase().orElse(null))
                            .put("read_only", key.readOnly())));
                }
                return 0;
            }
            if (revoke != null) {
                if (!keys.revoke(org, revoke)) {
                    throw new CliException("no key " + revoke + " in organization " + org, null);
                }
                out.println("revoked " + revoke);
                return 0;
            }
            Optional<String> scope = Optional.ofNullable(useCase).map(u -> u.toLowerCase(Locale.ROOT));
            out.println(keys.create(org, name, scope, readOnly).key());
        }
        return 0;
    }
}
