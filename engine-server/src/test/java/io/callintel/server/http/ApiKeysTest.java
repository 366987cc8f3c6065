package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.server.http.TestServer.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * API keys through the API: created with limits (one use case, or reads only), listed with their last use but never
 * the key, renamed, revoked; a limited key can do what it allows and gets 403 for the rest.
 */
class ApiKeysTest {

    private static final String BASE = ApiServer.BASE;
    private final TestServer server = TestServer.shared();

    @Test
    void keysAreListedRenamedAndRevokedAndNeverShownTwice() {
        String token = server.newOrgToken();
        JsonNode created = create(token, TestServer.JSON.createObjectNode().put("name", "crm sync"));
        String id = created.path("id").asText();
        String key = created.path("key").asText();
        assertTrue(key.startsWith("ci_"), created.toString());

        JsonNode listed = only(server.get(BASE + "/api-keys", token).json(), id);
        assertEquals("crm sync", listed.path("name").asText());
        assertFalse(listed.has("key"), "the key is never listed: " + listed);
        assertTrue(listed.path("last_used_at").isNull(), "never used yet");

        assertEquals(
                200,
                withKey(
                                "GET",
                                "/usecase/"
                                        + server.createUseCase(token)
                                                .path("usecase_uuid")
                                                .asText(),
                                key,
                                null)
                        .status());
        assertFalse(
                only(server.get(BASE + "/api-keys", token).json(), id)
                        .path("last_used_at")
                        .isNull(),
                "used now");

        Reply renamed = server.put(
                BASE + "/api-keys/" + id,
                token,
                TestServer.JSON.createObjectNode().put("name", "crm"));
        assertEquals("crm", renamed.json().path("name").asText(), renamed.body());
        assertEquals(
                404,
                server.delete(BASE + "/api-keys/" + id, server.newOrgToken()).status(),
                "not theirs");
        assertEquals(204, server.delete(BASE + "/api-keys/" + id, token).status());
        assertEquals(401, withKey("GET", "/api-keys", key, null).status(), "revoked: stops at once");
        assertEquals(404, server.delete(BASE + "/api-keys/" + id, token).status());
        assertEquals(
                0, server.get(BASE + "/api-keys", token).json().path("api_keys").size());
    }

    @Test
    void aReadOnlyKeyOnlyReads() {
        String token = server.newOrgToken();
        String useCase = server.createUseCase(token).path("usecase_uuid").asText();
        String key = create(
                        token,
                        TestServer.JSON
                                .createObjectNode()
                                .put("name", "reports")
                                .put("read_only", true))
                .path("key")
                .asText();
        assertEquals(200, withKey("GET", "/usecase/" + useCase, key, null).status());
        ObjectNode list = TestServer.JSON.createObjectNode().put("usecase_uuid", useCase);
        assertEquals(
                200,
                withKey("POST", "/org-usecases/recordings", key, list.toString())
                        .status());
        assertEquals(
                200,
                withKey("POST", "/org-usecases/analytics/summary-counts", key, list.toString())
                        .status());
        Reply write = withKey("PUT", "/usecase/" + useCase, key, "{\"usecase_name\": \"renamed\"}");
        assertEquals(403, write.status(), write.body());
        assertTrue(write.body().contains("may only read"), write.body());
        assertEquals(
                403,
                withKey("DELETE", "/recording/" + java.util.UUID.randomUUID(), key, null)
                        .status());
        assertEquals(403, withKey("GET", "/api-keys", key, null).status(), "no key management");
        assertEquals(401, signIn(key), "the web app takes no limited key");
    }

    @Test
    void aUseCaseKeyTouchesOnlyItsUseCase() {
        String token = server.newOrgToken();
        String mine = server.createUseCase(token).path("usecase_uuid").asText();
        String other = server.createUseCase(token).path("usecase_uuid").asText();
        String key = create(
                        token,
                        TestServer.JSON.createObjectNode().put("name", "team a").put("usecase_uuid", mine))
                .path("key")
                .asText();
        assertEquals(200, withKey("GET", "/usecase/" + mine, key, null).status());
        assertEquals(403, withKey("GET", "/usecase/" + other, key, null).status());
        assertEquals(
                200,
                withKey("POST", "/org-usecases/recordings", key, "{\"usecase_uuid\": \"" + mine + "\"}")
                        .status());
        assertEquals(
                403,
                withKey("POST", "/org-usecases/recordings", key, "{\"usecase_uuid\": \"" + other + "\"}")
                        .status());
        assertEquals(403, withKey("POST", "/org-usecases/recordings", key, "{}").status(), "all use cases: refused");
        assertEquals(403, withKey("GET", "/search?q=loan", key, null).status());
        assertEquals(
                200,
                withKey("GET", "/search?q=loan&usecase_uuid=" + mine, key, null).status());
        assertEquals(
                403,
                withKey("GET", "/org-usecases/" + TestServer.orgOf(token), key, null)
                        .status(),
                "the org's list");
        ObjectNode link = TestServer.JSON
                .createObjectNode()
                .put("file_name", "a.wav")
                .put("file_size", 1000)
                .put("content_type", "audio/wav");
        link.putObject("metadata").put("usecase_uuid", mine);
        assertEquals(
                201,
                withKey("POST", "/acme/default/create-upload-link", key, link.toString())
                        .status());
        ((ObjectNode) link.path("metadata")).put("usecase_uuid", other);
        assertEquals(
                403,
                withKey("POST", "/acme/default/create-upload-link", key, link.toString())
                        .status());
    }

    @Test
    void badKeyRequestsAre400Or404() {
        String token = server.newOrgToken();
        ApiErrorsTest.assertError(server.post(BASE + "/api-keys", token, "{}"), 400, "name", "name is required");
        ApiErrorsTest.assertError(
                server.post(BASE + "/api-keys", token, "{\"name\": \"x\", \"read_only\": \"yes\"}"),
                400,
                "read_only",
                "true or false");
        ApiErrorsTest.assertError(
                server.post(
                        BASE + "/api-keys",
                        token,
                        "{\"name\": \"x\", \"usecase_uuid\": \"" + java.util.UUID.randomUUID() + "\"}"),
                404,
                null,
                "Use case not found");
    }

    private JsonNode create(String token, ObjectNode body) {
        Reply reply = server.post(BASE + "/api-keys", token, body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonNode only(JsonNode list, String id) {
        for (JsonNode key : list.path("api_keys")) {
            if (key.path("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("no key " + id + " in " + list);
    }

    private Reply withKey(String method, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + BASE + path))
                .header("Authorization", "Token " + key)
                .header("Content-Type", "application/json");
        return server.send(request.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private int signIn(String key) {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + "/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"credential\": \"" + key + "\"}"))
                        .build())
                .status();
    }
}
