package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other origins may call the API from a browser only when configured; a preflight is answered, not refused. */
class CorsTest {

    private static final String ORIGIN = "https://qa.example.com";

    @Test
    void aConfiguredOriginIsAllowedAndPreflightsNeedNoToken(@TempDir Path dir) {
        Limits d = Limits.DEFAULTS;
        Limits allowing = new Limits(
                d.maxUploadBytes(),
                d.uploadLinkValidity(),
                d.audioUrlValidity(),
                d.maxCallDuration(),
                d.requestsPerMinutePerKey(),
                d.requestsPerMinutePerOrg(),
                List.of(ORIGIN));
        TestServer server = TestServer.start(dir.resolve("data"), Duration.ofSeconds(1), allowing);
        try {
            TestServer.Reply preflight = server.send(preflight(server, ORIGIN));
            assertTrue(preflight.status() < 300, preflight.status() + " " + preflight.body());
            assertEquals(Optional.of(ORIGIN), preflight.raw().headers().firstValue("Access-Control-Allow-Origin"));

            String token = server.newOrgToken();
            TestServer.Reply read = server.send(HttpRequest.newBuilder(
                            URI.create(server.base + ApiServer.BASE + "/org-usecases/" + TestServer.orgOf(token)))
                    .header("Origin", ORIGIN)
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build());
            assertEquals(200, read.status(), read.body());
            assertEquals(Optional.of(ORIGIN), read.raw().headers().firstValue("Access-Control-Allow-Origin"));

            TestServer.Reply stranger = server.send(preflight(server, "https://elsewhere.example"));
            assertEquals(Optional.empty(), stranger.raw().headers().firstValue("Access-Control-Allow-Origin"));
        } finally {
            server.server.close();
        }
    }

    @Test
    void noOriginIsAllowedByDefault() {
        TestServer server = TestServer.shared();
        TestServer.Reply preflight = server.send(preflight(server, ORIGIN));
        assertEquals(Optional.empty(), preflight.raw().headers().firstValue("Access-Control-Allow-Origin"));
    }

    private static HttpRequest preflight(TestServer server, String origin) {
        return HttpRequest.newBuilder(URI.create(server.base + ApiServer.BASE + "/usecase"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
    }
}
