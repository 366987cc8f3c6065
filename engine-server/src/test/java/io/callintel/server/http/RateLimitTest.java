package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.server.auth.Authenticator;
import io.callintel.server.data.DataDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Past its requests per minute, a credential (then its organization) gets 429 with Retry-After; others do not. */
class RateLimitTest {

    @Test
    void aCredentialAndThenItsOrganizationAreHeldToTheirRates(@TempDir Path dir) throws Exception {
        Limits small = new Limits(
                Limits.DEFAULTS.maxUploadBytes(),
                Limits.DEFAULTS.uploadLinkValidity(),
                Limits.DEFAULTS.audioUrlValidity(),
                Limits.DEFAULTS.maxCallDuration(),
                5,
                8,
                java.util.List.of());
        TestServer server = TestServer.start(dir.resolve("data"), Duration.ofSeconds(1), small);
        try {
            String org = UUID.randomUUID().toString();
            String first = mint(server, org, Duration.ofHours(1));
            String second = mint(server, org, Duration.ofHours(2)); // another token of the same organization
            String path = ApiServer.BASE + "/org-usecases/" + org;

            for (int i = 0; i < 5; i++) {
                assertEquals(200, server.get(path, first).status());
            }
            TestServer.Reply limited = server.get(path, first);
            assertEquals(429, limited.status(), limited.body());
            assertTrue(limited.error().contains("this credential: 5 per minute"), limited.body());
            long retryAfter = Long.parseLong(
                    limited.raw().headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

            for (int i = 0; i < 3; i++) {
                assertEquals(200, server.get(path, second).status(), "the organization has 8, the first token took 5");
            }
            TestServer.Reply orgLimited = server.get(path, second);
            assertEquals(429, orgLimited.status(), orgLimited.body());
            assertTrue(orgLimited.error().contains("this organization: 8 per minute"), orgLimited.body());

            String other = UUID.randomUUID().toString();
            assertEquals(
                    200,
                    server.get(ApiServer.BASE + "/org-usecases/" + other, mint(server, other, Duration.ofHours(1)))
                            .status(),
                    "another organization is not held back");
        } finally {
            server.server.close();
        }
    }

    private static String mint(TestServer server, String org, Duration validity) throws Exception {
        return Authenticator.mint(new DataDirectory(server.data).secrets(), org, validity, Clock.systemUTC());
    }
}
