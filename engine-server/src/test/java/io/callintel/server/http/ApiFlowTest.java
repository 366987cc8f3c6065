package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.server.http.TestServer.Reply;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's flow over real HTTP against a started server with the real models: create a use case,
 * get an upload link, PUT the file, poll until analysed, then details, transcript and analytics,
 * summaries, the audio with a Range request, and search. Then the direct upload.
 */
class ApiFlowTest {

    private static final String BASE = ApiServer.BASE;
    private final TestServer server = TestServer.shared();

    @Test
    void presignedUploadIsTranscribedAnalysedSummarisedStreamedAndSearchable(@TempDir Path dir) throws Exception {
        String token = server.newOrgToken();
        String org = TestServer.orgOf(token);
        JsonNode useCase = server.createUseCase(token, "sales", "quality");
        String useCaseId = useCase.path("usecase_uuid").asText();
        assertEquals(org, useCase.path("org_uuid").asText());
        assertEquals(3, useCase.path("analysis_config").path("analysis_buckets").size());
        assertEquals(useCase, server.get(BASE + "/usecase/" + useCaseId, token).json());

        Path call = Dialogues.generate(Dialogues.LOAN_SALES, CallFormat.STEREO_16K, dir)
                .file();
        Reply link = server.post(
                BASE + "/acme-corp/sales-team/create-upload-link",
                token,
                TestServer.linkRequest(call, "audio/wav", useCaseId));
        assertEquals(201, link.status(), link.body());
        String recording = link.json().path("recording_uuid").asText();
        assertEquals(
                "acme-corp/sales-team/recordings/" + recording + ".wav",
                link.json().path("s3_key").asText());
        Duration validity = Duration.between(
                Instant.now(), Instant.parse(link.json().path("expires_at").asText()));
        assertTrue(validity.toMinutes() >= 14 && validity.toMinutes() <= 15, "link valid 15 minutes: " + validity);

        Reply upload = server.putFile(link.json().path("upload_url").asText(), call, "audio/wav");
        assertEquals(200, upload.status(), upload.body());
        assertEquals("INITIATED", upload.json().path("state").asText());

        JsonNode details = server.awaitFinal(token, org, useCaseId, recording, Duration.ofMinutes(3));
        assertEquals("ANALYSIS_COMPLETED", details.path("state").asText(), details.toString());
        List<String> history = new ArrayList<>();
        details.path("processing_history")
                .forEach(step -> history.add(step.path("state").asText()));
        assertEquals(List.of("AWAITING_UPLOAD", "INITIATED", "TRANSCRIPTION_COMPLETED", "ANALYSIS_COMPLETED"), history);
        JsonNode file = details.path("file");
        assertEquals("wav", file.path("format").asText());
        assertEquals(2, file.path("channels").asInt());
        assertEquals(Files.size(call), file.path("file_size").asLong());
        assertEquals("sales", details.path("metadata").path("call_type").asText());

        Reply listed = server.post(
                BASE + "/org-usecases/recordings",
                token,
                TestServer.JSON
                        .createObjectNode()
                        .put("usecase_uuid", useCaseId)
                        .put("state", "ANALYSIS_COMPLETED"));
        assertEquals(1, listed.json().path("total").asInt(), listed.body());
        assertEquals(
                recording,
                listed.json().path("recordings").path(0).path("recording_uuid").asText());

        ObjectNode ids = TestServer.JSON
                .createObjectNode()
                .put("org_uuid", org)
                .put("usecase_uuid", useCaseId)
                .put("recording_uuid", recording);
        JsonNode result = server.post(BASE + "/org-usecases/recording/transcript-analytics", token, ids)
                .json();
        JsonNode transcript = result.path("transcript");
        assertTrue(
                transcript.path("words").size() > 50,
                "words: " + transcript.path("words").size());
        JsonNode word = transcript.path("words").path(0);
        for (String field : List.of("word", "start", "end", "conf", "speaker")) {
            assertTrue(word.has(field), field + " in " + word);
        }
        Set<String> roles = new java.util.HashSet<>();
        transcript
                .path("segments")
                .forEach(segment -> roles.add(segment.path("role").asText()));
        assertEquals(Set.of("agent", "customer"), roles);
        assertTrue(transcript.toString().contains("loan"), "the call is about a loan");
        JsonNode analytics = result.path("analytics");
        JsonNode answer = analytics.path("questions").path(0);
        assertTrue(Set.of("Yes", "No", "Unclear").contains(answer.path("answer").asText()), answer.toString());
        String bucket = analytics.path("bucket").path("name").asText();
        assertTrue(Set.of("Hot Lead", "Warm Lead", "Not Clear").contains(bucket), bucket);
        assertEquals(3, analytics.path("bucket").path("scores").size());
        assertEquals(
                transcript.path("duration").asDouble(),
                analytics.path("metrics").path("duration").asDouble(),
                0.5);

        ObjectNode useCaseIds =
                TestServer.JSON.createObjectNode().put("org_uuid", org).put("usecase_uuid", useCaseId);
        // The listing filters by the outcome: the bucket and the answer it got, and by use-case tag across use cases.
        String question = answer.path("question").asText();
        String otherBucket = Set.of("Hot Lead", "Warm Lead", "Not Clear").stream()
                .filter(b -> !b.equals(bucket))
                .findFirst()
                .orElseThrow();
        assertEquals(1, listedTotal(token, useCaseIds.deepCopy().put("bucket", bucket)));
        assertEquals(0, listedTotal(token, useCaseIds.deepCopy().put("bucket", otherBucket)));
        assertEquals(
                1,
                listedTotal(
                        token,
                        useCaseIds
                                .deepCopy()
                                .put("question", question)
                                .put("answer", answer.path("answer").asText())));
        assertEquals(
                0,
                listedTotal(
                        token, useCaseIds.deepCopy().put("question", question).put("answer", "Maybe")));
        assertEquals(1, listedTotal(token, TestServer.JSON.createObjectNode().put("tag", "sales")));
        assertEquals(0, listedTotal(token, TestServer.JSON.createObjectNode().put("tag", "nothing")));
        JsonNode sorted = server.post(
                        BASE + "/org-usecases/recordings",
                        token,
                        TestServer.JSON
                                .createObjectNode()
                                .put("sort_by", "file_name")
                                .put("sort_order", "asc"))
                .json();
        assertEquals(
                recording,
                sorted.path("recordings").path(0).path("recording_uuid").asText(),
                sorted.toString());

        // The summary over a date range counts only the calls dated within it.
        JsonNode before = server.post(
                        BASE + "/org-usecases/analytics/summary-details",
                        token,
                        useCaseIds.deepCopy().put("start_date", "2000-01-01").put("end_date", "2000-01-02"))
                .json();
        assertEquals(0, before.path("total_calls").asInt(), before.toString());
        assertEquals(0, before.path("call_metric_averages").path("duration").asDouble());
        JsonNode since = server.post(
                        BASE + "/org-usecases/analytics/summary-details",
                        token,
                        useCaseIds.deepCopy().put("start_date", "2000-01-01"))
                .json();
        assertEquals(1, since.path("total_calls").asInt(), since.toString());
        assertEquals(1, since.path("analysed_calls").asInt(), since.toString());

        JsonNode counts = server.post(BASE + "/org-usecases/analytics/summary-counts", token, useCaseIds)
                .json();
        assertEquals(1, counts.path("total_calls").asInt(), counts.toString());
        assertEquals(1, counts.path("completed_analytics").asInt());
        assertEquals(100.0, counts.path("completion_percentage").asDouble());
        assertEquals(0, counts.path("in_progress").asInt());
        JsonNode summary = server.post(BASE + "/org-usecases/analytics/summary-details", token, useCaseIds)
                .json();
        long bucketed = 0;
        for (JsonNode entry : summary.path("bucket_breakdown")) {
            bucketed += entry.path("count").asLong();
            if (entry.path("bucket").asText().equals(bucket)) {
                assertEquals(1, entry.path("count").asInt());
            }
        }
        assertEquals(1, bucketed, summary.toString());
        assertEquals(
                1,
                summary.path("answer_distribution")
                        .path(0)
                        .path("answers")
                        .path(answer.path("answer").asText())
                        .asInt());
        assertEquals(1, summary.path("tag_breakdown").path("sales").asInt());
        assertEquals(1, summary.path("call_type_breakdown").path("sales").asInt());
        assertTrue(summary.path("call_metric_averages").path("duration").asDouble() > 10);

        // The audio, whole and by range, as a browser player would fetch it.
        Reply audioUrl = server.post(
                BASE + "/org-usecases/recording/get-audio-presigned-url",
                token,
                TestServer.JSON
                        .createObjectNode()
                        .put("s3_key", link.json().path("s3_key").asText()));
        assertEquals(200, audioUrl.status(), audioUrl.body());
        String url = audioUrl.json().path("url").asText();
        byte[] original = Files.readAllBytes(call);
        HttpResponse<byte[]> whole = server.send(
                HttpRequest.newBuilder(java.net.URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        assertArrayEquals(original, whole.body());
        HttpResponse<byte[]> range = server.send(
                HttpRequest.newBuilder(java.net.URI.create(url))
                        .header("Range", "bytes=1000-1999")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertEquals(
                "bytes 1000-1999/" + original.length,
                range.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(original, 1000, 2000), range.body());

        JsonNode hits = server.get(BASE + "/search?q=loan&usecase_uuid=" + useCaseId, token)
                .json();
        assertTrue(hits.path("total_hits").asInt() >= 1, hits.toString());
        JsonNode hit = hits.path("hits").path(0);
        assertEquals(recording, hit.path("recording_uuid").asText());
        assertTrue(hit.path("snippet").asText().contains("<em>"), hit.toString());
        assertTrue(hit.path("end").asDouble() > hit.path("start").asDouble());

        JsonNode listing = server.get(BASE + "/org-usecases/" + org + "?page=1&limit=10&tag=sales", token)
                .json();
        assertEquals(1, listing.path("total").asInt(), listing.toString());
        assertEquals(
                1,
                listing.path("usecases")
                        .path(0)
                        .path("usage")
                        .path("recordings_by_state")
                        .path("ANALYSIS_COMPLETED")
                        .asInt());
        assertEquals(
                0,
                server.get(BASE + "/org-usecases/" + org + "?tag=nothing", token)
                        .json()
                        .path("total")
                        .asInt());

        // A partial update changes only what it names; deleting keeps the recordings.
        Reply updated = server.put(
                BASE + "/usecase/" + useCaseId,
                token,
                TestServer.JSON.createObjectNode().put("usecase_name", "Lead gen updated"));
        assertEquals("Lead gen updated", updated.json().path("usecase_name").asText());
        assertEquals(useCase.path("analysis_config"), updated.json().path("analysis_config"));
        assertEquals(useCase.path("tags"), updated.json().path("tags"));
        assertEquals(200, server.delete(BASE + "/usecase/" + useCaseId, token).status());
        assertEquals(404, server.get(BASE + "/usecase/" + useCaseId, token).status());
        assertEquals(
                "ANALYSIS_COMPLETED",
                server.post(BASE + "/org-usecases/get-recording-details", token, ids)
                        .json()
                        .path("state")
                        .asText());
        assertEquals(
                1,
                listedTotal(token, TestServer.JSON.createObjectNode()),
                "listed without its use case, which is gone");
    }

    private int listedTotal(String token, ObjectNode filters) {
        Reply listed = server.post(BASE + "/org-usecases/recordings", token, filters);
        assertEquals(200, listed.status(), listed.body());
        return listed.json().path("total").asInt();
    }

    @Test
    void directUploadWithMetadataIsProcessed() throws Exception {
        String token = server.newOrgToken();
        String org = TestServer.orgOf(token);
        String useCase = server.createUseCase(token).path("usecase_uuid").asText();
        byte[] mp3 = Files.readAllBytes(Path.of("../engine-audio/src/test/resources/audio/speech.mp3"));
        Multipart form = new Multipart()
                .file("file", "speech.mp3", "audio/mpeg", mp3)
                .field("usecase_uuid", useCase)
                .field("metadata", "{\"call_type\": \"support\", \"call_date\": \"2025-11-30\"}");
        Reply reply = server.send(server.request(BASE + "/acme-corp/default/direct-upload", token)
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .build());
        assertEquals(201, reply.status(), reply.body());
        assertEquals("INITIATED", reply.json().path("state").asText());
        String recording = reply.json().path("recording_uuid").asText();

        JsonNode details = server.awaitFinal(token, org, useCase, recording, Duration.ofMinutes(2));
        assertEquals("ANALYSIS_COMPLETED", details.path("state").asText(), details.toString());
        assertEquals("mp3", details.path("file").path("format").asText());
        assertEquals("2025-11-30", details.path("call_date").asText());
        assertEquals("support", details.path("call_type").asText());
        assertEquals(mp3.length, details.path("file").path("file_size").asLong());
        Reply filtered = server.post(
                BASE + "/org-usecases/recordings",
                token,
                TestServer.JSON.createObjectNode().put("usecase_uuid", useCase).put("start_date", "2025-12-01"));
        assertEquals(0, filtered.json().path("total").asInt(), "call_date 2025-11-30 is before the range");
        assertFalse(server.post(
                        BASE + "/org-usecases/recordings",
                        token,
                        TestServer.JSON
                                .createObjectNode()
                                .put("usecase_uuid", useCase)
                                .put("end_date", "2025-11-30"))
                .json()
                .path("recordings")
                .isEmpty());
    }
}
