package io.callintel.server.cli;

import io.callintel.server.auth.Authenticator;
import io.callintel.server.auth.Secrets;
import io.callintel.server.data.Storage;
import io.callintel.server.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code callintel token --org ORG_UUID [--ttl 24h]}: a JWT that the server with this data directory or database accepts. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {
            "Prints an HS256 JWT for an organization, signed with CALLINTEL_JWT_SECRET, else the shared",
            "database's secret (--db), else the data directory's secret.key (created when absent), for",
            "'Authorization: Bearer TOKEN'."
        })
final class TokenCommand implements Callable<Integer> {

    private static final Pattern TTL = Pattern.compile("(\\d+)([smhd])");

    private final PrintWriter out;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--ttl",
            defaultValue = "24h",
            description = "Validity: 90s, 30m, 24h, 7d (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Mixin
    OrgFlags target;

    TokenCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        String org = target.org(spec.commandLine());
        String secret = System.getenv("CALLINTEL_JWT_SECRET");
        Duration validity = duration(ttl);
        if (secret != null && !secret.isBlank()) {
            out.println(Authenticator.mint(Secrets.of(secret), org, validity, Clock.systemUTC()));
            return 0;
        }
        Storage storage = target.storage();
        try (Database db = storage.openDatabase()) {
            out.println(Authenticator.mint(storage.secrets(db), org, validity, Clock.systemUTC()));
        }
        return 0;
    }

    private Duration duration(String text) {
        var match = TTL.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!match.matches()) {
            throw new ParameterException(
                    spec.commandLine(), "--ttl must look like 90s, 30m, 24h or 7d, got '" + text + "'");
        }
        try {
            long n = Long.parseLong(match.group(1));
            Duration unit = switch (match.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            Duration result = unit.multipliedBy(n);
            if (result.isZero() || result.compareTo(Duration.ofDays(3650)) > 0) {
                throw new ParameterException(spec.commandLine(), "--ttl must be between 1s and 3650d");
            }
            return result;
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--ttl is too large: " + text);
        }
    }
}
