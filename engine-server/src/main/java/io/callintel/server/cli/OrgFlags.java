package io.callintel.server.cli;

import io.callintel.core.Uuids;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --org ORG_UUID} and {@code --data DIR}: whom a credential is for, and which server's data directory. */
final class OrgFlags {

    @Option(names = "--org", required = true, paramLabel = "ORG_UUID", description = "The organization it acts for.")
    String org;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "./data",
            description = "Data directory of the server (default: ${DEFAULT-VALUE}).")
    Path data;

    /** The org in canonical (lower case) form; a usage error of {@code command} when it is not a UUID. */
    String org(CommandLine command) {
        if (!Uuids.isUuid(org)) {
            throw new ParameterException(command, "--org must be a UUID, got '" + org + "'");
        }
        return org.toLowerCase(Locale.ROOT);
    }
}
