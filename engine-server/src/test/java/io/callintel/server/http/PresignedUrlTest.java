package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.callintel.server.auth.UrlSigner;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.http.TestServer.Reply;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presigned upload and audio URLs: tampered, expired, reused, or carrying the wrong bytes. */
class PresignedUrlTest {

    private static final String BASE = ApiServer.BASE;
    private final TestServer server = TestServer.shared();
    private final String token = server.newOrgToken();
    private final Path mp3 = Path.of("../engine-audio/src/test/resources/audio/speech.mp3");

    @Test
    void tamperedUploadUrlsAre403(@TempDir Path dir) throws Exception {
        JsonNode link = link();
        String url = link.path("upload_url").asText();
        String recording = link.path("recording_uuid").asText();
        String other = link().path("recording_uuid").asText();
        char last = url.charAt(url.length() - 1);
        String badSignature = url.substring(0, url.length() - 1) + (last == '0' ? '1' : '0');
        assertForbidden(server.putFile(badSignature, mp3, "audio/mpeg"), "invalid");
        long expires = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
        assertForbidden(
                server.putFile(url.replace("expires=" + expires, "expires=" + (expires + 3600)), mp3, "audio/mpeg"),
                "invalid");
        assertForbidden(server.putFile(url.replace(recording, other), mp3, "audio/mpeg"), "invalid");
        assertForbidden(server.putFile(url.replaceAll("&signature=[0-9a-f]+", ""), mp3, "audio/mpeg"), "invalid");

        assertEquals(200, server.putFile(url, mp3, "audio/mpeg").status(), "the untouched URL works");
        Reply again = server.putFile(url, mp3, "audio/mpeg");
        assertEquals(409, again.status(), "a link uploads once: " + again.body());
    }

    @Test
    void expiredUrlsAre403() throws Exception {
        JsonNode link = link();
        String recording = link.path("recording_uuid").asText();
        UrlSigner past = new UrlSigner(
                new DataDirectory(server.data).secrets(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)));
        String expired = server.base + UploadHandlers.UPLOAD_PATH + recording + "?"
                + past.sign("PUT", UploadHandlers.UPLOAD_PATH + recording, Limits.DEFAULTS.uploadLinkValidity())
                        .query();
        assertForbidden(server.putFile(expired, mp3, "audio/mpeg"), "expired");

        assertEquals(
                200,
                server.putFile(link.path("upload_url").asText(), mp3, "audio/mpeg")
                        .status());
        String audio = server.base + RecordingHandlers.AUDIO_PATH + recording + "?"
                + past.sign("GET", RecordingHandlers.AUDIO_PATH + recording, Duration.ofMinutes(10))
                        .query();
        assertForbidden(
                server.send(HttpRequest.newBuilder(URI.create(audio)).GET().build()), "expired");
        String tampered = server.base + RecordingHandlers.AUDIO_PATH + recording + "?expires=9999999999&signature="
                + "ab".repeat(32);
        assertForbidden(
                server.send(HttpRequest.newBuilder(URI.create(tampered)).GET().build()), "invalid");
    }

    @Test
    void theUploadMustMatchTheDeclaredSize(@TempDir Path dir) throws Exception {
        JsonNode link = link();
        Path longer = dir.resolve("longer.mp3");
        Files.write(longer, Files.readAllBytes(mp3));
        Files.write(longer, new byte[100], java.nio.file.StandardOpenOption.APPEND);
        Reply reply = server.putFile(link.path("upload_url").asText(), longer, "audio/mpeg");
        assertEquals(400, reply.status(), reply.body());
        assertEquals("file_size", reply.errorField());
        assertEquals(
                200,
                server.putFile(link.path("upload_url").asText(), mp3, "audio/mpeg")
                        .status(),
                "the right file can still be uploaded");
    }

    @Test
    void audioRangesAsPlayersSendThem() throws Exception {
        JsonNode link = link();
        assertEquals(
                200,
                server.putFile(link.path("upload_url").asText(), mp3, "audio/mpeg")
                        .status());
        String url = server.post(
                        BASE + "/org-usecases/recording/get-audio-presigned-url",
                        token,
                        TestServer.JSON
                                .createObjectNode()
                                .put("s3_key", link.path("s3_key").asText()))
                .json()
                .path("url")
                .asText();
        byte[] original = Files.readAllBytes(mp3);
        int size = original.length;

        var suffix = range(url, "bytes=-100");
        assertEquals(206, suffix.statusCode());
        assertEquals(
                "bytes " + (size - 100) + "-" + (size - 1) + "/" + size,
                suffix.headers().firstValue("Content-Range").orElse(""));
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                java.util.Arrays.copyOfRange(original, size - 100, size), suffix.body());
        var open = range(url, "bytes=" + (size - 10) + "-");
        assertEquals(206, open.statusCode());
        assertEquals(10, open.body().length);
        var past = range(url, "bytes=" + size + "-");
        assertEquals(416, past.statusCode());
        assertEquals(
                "bytes */" + size, past.headers().firstValue("Content-Range").orElse(""));
        var malformed = range(url, "bytes=abc");
        assertEquals(200, malformed.statusCode(), "a malformed Range is ignored");
        assertEquals(size, malformed.body().length);
        assertEquals("bytes", malformed.headers().firstValue("Accept-Ranges").orElse(""));
    }

    private java.net.http.HttpResponse<byte[]> range(String url, String range) throws Exception {
        return server.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Range", range)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void unknownRecordingWithAValidSignatureIs404() throws Exception {
        String uuid = UUID.randomUUID().toString();
        UrlSigner signer = new UrlSigner(new DataDirectory(server.data).secrets(), Clock.systemUTC());
        String url = server.base + UploadHandlers.UPLOAD_PATH + uuid + "?"
                + signer.sign("PUT", UploadHandlers.UPLOAD_PATH + uuid, Duration.ofMinutes(5))
                        .query();
        assertEquals(404, server.putFile(url, mp3, "audio/mpeg").status());
    }

    @Test
    void aSpoofedHostHeaderDoesNotComeBackInTheUploadUrl() throws Exception {
        // java.net.http will not send a Host of our choosing, so the request is written by hand.
        URI base = URI.create(server.base);
        byte[] body = TestServer.linkRequest(mp3, "audio/mpeg", null).toString().getBytes(StandardCharsets.UTF_8);
        String head = "POST " + BASE + "/acme/default/create-upload-link HTTP/1.1\r\n"
                + "Host: attacker.example\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        String response;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(response.startsWith("HTTP/1.1 201"), response);
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("\"upload_url\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(response);
        assertTrue(url.find(), response);
        String uploadUrl = url.group(1);
        assertTrue(uploadUrl.startsWith(server.base + "/"), "the bind address, not the Host header: " + uploadUrl);
    }

    private JsonNode link() throws Exception {
        Reply reply = server.post(
                BASE + "/acme/default/create-upload-link", token, TestServer.linkRequest(mp3, "audio/mpeg", null));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static void assertForbidden(Reply reply, String messagePart) {
        assertEquals(403, reply.status(), reply.body());
        assertTrue(reply.error().contains(messagePart), reply.body());
    }
}
