package io.callintel.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.server.auth.ApiKeys;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callintel token} and {@code callintel api-key}: credentials the server with that data directory accepts. */
class CredentialCommandsTest {

    private static final String ORG = "33bbb237-6256-4c81-b423-a5bd16af5a32";

    @Test
    void tokensAndKeysAuthenticateAsTheirOrg(@TempDir Path data) throws Exception {
        Cli.Run token = Cli.run("token", "--org", ORG.toUpperCase(), "--ttl", "2h", "--data", data.toString());
        assertEquals(0, token.exitCode(), token.err());
        Cli.Run key = Cli.run("api-key", "--org", ORG, "--name", "crm", "--data", data.toString());
        assertEquals(0, key.exitCode(), key.err());
        try (Database db = Database.open(data.resolve("callintel.db"))) {
            Authenticator authenticator = new Authenticator(
                    new DataDirectory(data).secrets(),
                    Optional.empty(),
                    new ApiKeys(db, Clock.systemUTC()),
                    Clock.systemUTC());
            assertEquals(
                    Optional.of(ORG), authenticator.org("Bearer " + token.out().trim()));
            assertEquals(
                    Optional.of(ORG), authenticator.org("Token " + key.out().trim()));
            Authenticator later = new Authenticator(
                    new DataDirectory(data).secrets(),
                    Optional.empty(),
                    new ApiKeys(db, Clock.systemUTC()),
                    Clock.offset(Clock.systemUTC(), Duration.ofHours(3)));
            assertEquals(Optional.empty(), later.org("Bearer " + token.out().trim()), "expired after its ttl");
        }
    }

    @Test
    void keysAreLimitedListedAndRevoked(@TempDir Path data) throws Exception {
        String useCase = "dab80fa1-8bd1-4411-9333-c46970d27a1a";
        Cli.Run limited = Cli.run(
                "api-key",
                "--org",
                ORG,
                "--name",
                "team a",
                "--usecase",
                useCase,
                "--read-only",
                "--data",
                data.toString());
        assertEquals(0, limited.exitCode(), limited.err());
        Cli.Run listed = Cli.run("api-key", "--org", ORG, "--list", "--data", data.toString());
        assertEquals(1, listed.json().size(), listed.out());
        var key = listed.json().get(0);
        assertEquals("team a", key.path("name").asText());
        assertEquals(useCase, key.path("usecase_uuid").asText());
        assertTrue(key.path("read_only").asBoolean());
        assertTrue(!listed.out().contains(limited.out().trim()), "never the key itself");
        try (Database db = Database.open(data.resolve("callintel.db"))) {
            var grant = new ApiKeys(db, Clock.systemUTC())
                    .grant(limited.out().trim())
                    .orElseThrow();
            assertEquals(Optional.of(useCase), grant.useCase());
            assertTrue(grant.readOnly());
        }

        Cli.Run revoked =
                Cli.run("api-key", "--org", ORG, "--revoke", key.path("id").asText(), "--data", data.toString());
        assertEquals(0, revoked.exitCode(), revoked.err());
        assertEquals(
                0,
                Cli.run("api-key", "--org", ORG, "--list", "--data", data.toString())
                        .json()
                        .size());
        try (Database db = Database.open(data.resolve("callintel.db"))) {
            assertEquals(
                    Optional.empty(),
                    new ApiKeys(db, Clock.systemUTC()).grant(limited.out().trim()));
        }
        Cli.Run again =
                Cli.run("api-key", "--org", ORG, "--revoke", key.path("id").asText(), "--data", data.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("no key"), again.err());
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path data) {
        Cli.Run notUuid = Cli.run("token", "--org", "acme", "--data", data.toString());
        assertEquals(2, notUuid.exitCode());
        assertTrue(notUuid.err().contains("--org must be a UUID"), notUuid.err());
        assertEquals(
                2,
                Cli.run("token", "--org", ORG, "--ttl", "forever", "--data", data.toString())
                        .exitCode());
        assertEquals(
                2,
                Cli.run("token", "--org", ORG, "--ttl", "0s", "--data", data.toString())
                        .exitCode());
        assertEquals(2, Cli.run("api-key", "--data", data.toString()).exitCode(), "--org is required");
        assertEquals(
                2,
                Cli.run("api-key", "--org", ORG, "--usecase", "sales", "--data", data.toString())
                        .exitCode());
    }
}
