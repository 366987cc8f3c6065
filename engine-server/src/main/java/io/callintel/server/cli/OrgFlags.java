package io.callintel.server.cli;

import io.callintel.core.Uuids;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.data.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --org ORG_UUID}, {@code --data DIR} and {@code --db URL}: whom a credential is for, and which server's data
 * directory and database.
 */
final class OrgFlags {

    @Option(names = "--org", required = true, paramLabel = "ORG_UUID", description = "The organization it acts for.")
    String org;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "./data",
            description = "Data directory of the server (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "The PostgreSQL database shared by the server's nodes (postgresql://user:password@host:port/"
                    + "database), when they use one; default: the data directory's own.")
    String database;

    /** The data directory and database these flags name. */
    Storage storage() throws IOException {
        return new Storage(
                DataDirectory.create(data), Optional.ofNullable(database).filter(url -> !url.isBlank()));
    }

    /** The org in canonical (lower case) form; a usage error of {@code command} when it is not a UUID. */
    String org(CommandLine command) {
        if (!Uuids.isUuid(org)) {
            throw new ParameterException(command, "--org must be a UUID, got '" + org + "'");
        }
        return org.toLowerCase(Locale.ROOT);
    }
}
