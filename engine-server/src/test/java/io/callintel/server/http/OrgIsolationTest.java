package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.server.http.TestServer.Reply;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Another org's token gets 404 on every endpoint that names org A's data, as if it did not exist. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrgIsolationTest {

    private static final String BASE = ApiServer.BASE;
    private final TestServer server = TestServer.shared();
    private final String owner = server.newOrgToken();
    private final String intruder = server.newOrgToken();
    private final String org = TestServer.orgOf(owner);
    private String useCase;
    private String recording;
    private String key;

    @BeforeAll
    void ownerUploadsACall() throws Exception {
        useCase = server.createUseCase(owner, "private").path("usecase_uuid").asText();
        byte[] mp3 = Files.readAllBytes(Path.of("../engine-audio/src/test/resources/audio/speech.mp3"));
        Multipart form =
                new Multipart().file("file", "speech.mp3", "audio/mpeg", mp3).field("usecase_uuid", useCase);
        Reply reply = server.send(server.request(BASE + "/acme/default/direct-upload", owner)
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .build());
        recording = reply.json().path("recording_uuid").asText();
        key = reply.json().path("s3_key").asText();
        JsonNode done = server.awaitFinal(owner, org, useCase, recording, Duration.ofMinutes(2));
        assertEquals("ANALYSIS_COMPLETED", done.path("state").asText(), done.toString());
    }

    @Test
    void useCaseEndpoints() {
        assert404(server.get(BASE + "/usecase/" + useCase, intruder));
        assert404(server.put(
                BASE + "/usecase/" + useCase,
                intruder,
                TestServer.JSON.createObjectNode().put("usecase_name", "hijacked")));
        assert404(server.delete(BASE + "/usecase/" + useCase, intruder));
        assert404(server.get(BASE + "/org-usecases/" + org, intruder));
        assertEquals(
                "Lead generation",
                server.get(BASE + "/usecase/" + useCase, owner)
                        .json()
                        .path("usecase_name")
                        .asText(),
                "untouched");
        ObjectNode create =
                TestServer.JSON.createObjectNode().put("org_uuid", org).put("usecase_name", "planted");
        assertEquals(403, server.post(BASE + "/usecase", intruder, create).status(), "cannot create in another org");
    }

    @Test
    void uploadsCannotAttachToAnotherOrgsUseCase() {
        ObjectNode link = TestServer.JSON
                .createObjectNode()
                .put("file_name", "a.wav")
                .put("file_size", 1000)
                .put("content_type", "audio/wav");
        link.putObject("metadata").put("usecase_uuid", useCase);
        assert404(server.post(BASE + "/acme/default/create-upload-link", intruder, link));
        Multipart form = new Multipart()
                .file("file", "a.mp3", "audio/mpeg", new byte[] {1, 2, 3})
                .field("usecase_uuid", useCase);
        assert404(server.send(server.request(BASE + "/acme/default/direct-upload", intruder)
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .build()));
    }

    @Test
    void recordingEndpoints() {
        assert404(server.post(
                BASE + "/org-usecases/recordings",
                intruder,
                TestServer.JSON.createObjectNode().put("usecase_uuid", useCase)));
        for (String org : new String[] {this.org, TestServer.orgOf(intruder)}) {
            ObjectNode ids = TestServer.JSON
                    .createObjectNode()
                    .put("org_uuid", org)
                    .put("usecase_uuid", useCase)
                    .put("recording_uuid", recording);
            assert404(server.post(BASE + "/org-usecases/get-recording-details", intruder, ids));
            assert404(server.post(BASE + "/org-usecases/recording/transcript-analytics", intruder, ids));
            assert404(server.post(BASE + "/org-usecases/analytics/summary-counts", intruder, ids));
            assert404(server.post(BASE + "/org-usecases/analytics/summary-details", intruder, ids));
        }
        assert404(server.post(
                BASE + "/org-usecases/recording/get-audio-presigned-url",
                intruder,
                TestServer.JSON.createObjectNode().put("s3_key", key)));
        assertEquals(
                200,
                server.post(
                                BASE + "/org-usecases/recording/get-audio-presigned-url",
                                owner,
                                TestServer.JSON.createObjectNode().put("s3_key", key))
                        .status());
    }

    @Test
    void searchSeesOnlyTheCallersOrg() {
        String word = server.post(
                        BASE + "/org-usecases/recording/transcript-analytics",
                        owner,
                        TestServer.JSON.createObjectNode().put("org_uuid", org).put("recording_uuid", recording))
                .json()
                .path("transcript")
                .path("segments")
                .path(0)
                .path("text")
                .asText()
                .split(" ")[0];
        Reply own = server.get(BASE + "/search?q=" + word, owner);
        assertEquals(1, own.json().path("total_hits").asInt(), own.body());
        assertEquals(
                0,
                server.get(BASE + "/search?q=" + word, intruder)
                        .json()
                        .path("total_hits")
                        .asInt());
        assertEquals(
                0,
                server.get(BASE + "/search?q=" + word + "&usecase_uuid=" + useCase, intruder)
                        .json()
                        .path("total_hits")
                        .asInt());
    }

    private static void assert404(Reply reply) {
        assertEquals(404, reply.status(), reply.body());
        assertEquals("not_found", reply.json().path("error").path("code").asText(), reply.body());
    }
}
