package io.callintel.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.recording.AudioFile;
import io.callintel.core.recording.ProcessingHints;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.recording.StateChange;
import io.callintel.core.store.Page;
import io.callintel.core.usecase.UseCase;
import io.callintel.engine.json.AnalyticsJson;
import io.callintel.engine.json.TranscriptJson;
import io.callintel.engine.json.UseCaseJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at {@code GET /openapi.json}: well formed, complete (every route of
 * {@link ApiServer}), self-consistent (every {@code $ref} resolves, every example fits its schema) and
 * true to the code (the examples of the shapes built by {@link Views}, {@link TranscriptJson},
 * {@link AnalyticsJson} and {@link UseCaseJson} are exactly what those classes write).
 */
class OpenApiDocumentTest {

    /** Every route ApiServer registers, as "METHOD path" (Javalin's {name} path parameters are OpenAPI's). */
    private static final List<String> ROUTES = List.of(
            "POST /v1alpha/callintel/usecase",
            "POST /v1alpha/callintel/org-usecases/recording/correct",
            "POST /v1alpha/callintel/org-usecases/recording/corrections",
            "POST /v1alpha/callintel/org-usecases/recording/retry",
            "POST /v1alpha/callintel/org-usecases/recording/reprocess",
            "GET /v1alpha/callintel/usecase/{usecase_uuid}",
            "PUT /v1alpha/callintel/usecase/{usecase_uuid}",
            "DELETE /v1alpha/callintel/usecase/{usecase_uuid}",
            "POST /v1alpha/callintel/usecase/{usecase_uuid}/reprocess",
            "GET /v1alpha/callintel/org-usecases/{org_uuid}",
            "POST /v1alpha/callintel/{client_name}/{client_profile}/create-upload-link",
            "POST /v1alpha/callintel/{client_name}/{client_profile}/direct-upload",
            "POST /v1alpha/callintel/org-usecases/recordings",
            "POST /v1alpha/callintel/org-usecases/get-recording-details",
            "POST /v1alpha/callintel/org-usecases/recording/transcript-analytics",
            "POST /v1alpha/callintel/org-usecases/recording/get-audio-presigned-url",
            "POST /v1alpha/callintel/org-usecases/analytics/summary-counts",
            "POST /v1alpha/callintel/org-usecases/analytics/summary-details",
            "GET /v1alpha/callintel/search",
            "DELETE /v1alpha/callintel/recording/{recording_uuid}",
            "GET /v1alpha/callintel/org-settings",
            "PUT /v1alpha/callintel/org-settings",
            "GET /v1alpha/callintel/api-keys",
            "POST /v1alpha/callintel/api-keys",
            "PUT /v1alpha/callintel/api-keys/{id}",
            "DELETE /v1alpha/callintel/api-keys/{id}",
            "GET /v1alpha/callintel/webhooks",
            "POST /v1alpha/callintel/webhooks",
            "DELETE /v1alpha/callintel/webhooks/{id}",
            "GET /v1alpha/callintel/webhooks/{id}/deliveries",
            "POST /v1alpha/callintel/webhooks/{id}/deliveries/{delivery_id}/redeliver",
            "PUT /presigned/upload/{recording_uuid}",
            "GET /presigned/audio/{recording_uuid}",
            "GET /",
            "GET /assets/{file}",
            "POST /session",
            "GET /session",
            "DELETE /session",
            "GET /health",
            "GET /metrics",
            "GET /openapi.json");

    /** Routes answered without an Authorization header. */
    private static final Set<String> PUBLIC_ROUTES = Set.of(
            "GET /",
            "GET /assets/{file}",
            "POST /session",
            "GET /session",
            "DELETE /session",
            "PUT /presigned/upload/{recording_uuid}",
            "GET /presigned/audio/{recording_uuid}",
            "GET /health",
            "GET /metrics",
            "GET /openapi.json");

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Numbers equal by value: an example's 454444 (int) is the code's 454444L (long). */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String text;
    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream served = ApiServer.class.getResourceAsStream("/openapi.json")) {
            assertNotNull(served, "openapi.json is not on the classpath");
            text = new String(served.readAllBytes(), StandardCharsets.UTF_8);
        }
        doc = JSON.readTree(text);
    }

    @Test
    void isAnOpenApi3DocumentWithInfoServersAndSecuritySchemes() {
        assertTrue(doc.path("openapi").asText().startsWith("3."), "openapi: " + doc.path("openapi"));
        assertEquals(
                "callintel Call Intelligence API",
                doc.path("info").path("title").asText());
        assertFalse(doc.path("info").path("version").asText().isBlank(), "info.version");
        String description = doc.path("info").path("description").asText();
        for (String state :
                List.of("AWAITING_UPLOAD", "INITIATED", "TRANSCRIPTION_COMPLETED", "ANALYSIS_COMPLETED", "FAILED")) {
            assertTrue(description.contains(state), "info.description explains the state " + state);
        }
        assertEquals(
                "http://localhost:8080", doc.path("servers").path(0).path("url").asText());
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertEquals("bearer", schemes.path("bearerAuth").path("scheme").asText());
        assertEquals("JWT", schemes.path("bearerAuth").path("bearerFormat").asText());
        assertEquals("apiKey", schemes.path("apiKey").path("type").asText());
        assertEquals("header", schemes.path("apiKey").path("in").asText());
        assertEquals("Authorization", schemes.path("apiKey").path("name").asText());
    }

    @Test
    void theServedDocumentIsTheSourceFileUntouchedByResourceFiltering() throws IOException {
        Path source = Path.of("src/main/resources/openapi.json");
        if (Files.exists(source)) { // run from the module directory, as Surefire does
            assertEquals(Files.readString(source), text, "Maven resource filtering changed openapi.json");
        }
        assertFalse(text.contains("${"), "a ${ would be replaced by Maven resource filtering");
        assertFalse(
                Pattern.compile("@[A-Za-z0-9._-]+@").matcher(text).find(),
                "an @name@ would be replaced by Maven resource filtering");
    }

    @Test
    void everyRouteOfTheServerIsDocumentedWithItsMethodAndNothingElse() {
        Set<String> documented = operations().keySet();
        List<String> missing =
                ROUTES.stream().filter(route -> !documented.contains(route)).toList();
        assertTrue(missing.isEmpty(), "routes missing from openapi.json: " + missing);
        List<String> extra =
                documented.stream().filter(route -> !ROUTES.contains(route)).toList();
        assertTrue(extra.isEmpty(), "openapi.json documents routes the server does not have: " + extra);
    }

    /** Keeps {@link #ROUTES} in step with the route table in ApiServer.java. */
    @Test
    void theRouteListIsApiServersRouteTable() throws IOException {
        Path source = Path.of("src/main/java/io/callintel/server/http/ApiServer.java");
        if (!Files.exists(source)) {
            return; // not run from the module directory
        }
        Matcher route = Pattern.compile(
                        "config\\.routes\\.(get|post|put|delete|patch|head|options)\\(\\s*([^,]+?)\\s*,")
                .matcher(Files.readString(source));
        Set<String> registered = new TreeSet<>();
        while (route.find()) {
            registered.add(route.group(1).toUpperCase() + " " + path(route.group(2)));
        }
        assertEquals(new TreeSet<>(ROUTES), registered, "the routes registered in ApiServer.java");
    }

    private static String path(String expression) {
        StringBuilder path = new StringBuilder();
        for (String part : expression.split("\\+")) {
            String token = part.trim();
            if (token.startsWith("\"") && token.endsWith("\"")) {
                path.append(token, 1, token.length() - 1);
            } else {
                path.append(
                        switch (token) {
                            case "BASE", "ApiServer.BASE" -> ApiServer.BASE;
                            case "UploadHandlers.UPLOAD_PATH" -> UploadHandlers.UPLOAD_PATH;
                            case "RecordingHandlers.AUDIO_PATH" -> RecordingHandlers.AUDIO_PATH;
                            case "WebApp.ASSETS" -> WebApp.ASSETS;
                            case "SessionHandlers.PATH" -> SessionHandlers.PATH;
                            default -> throw new AssertionError("unknown path part in ApiServer: " + token);
                        });
            }
        }
        return path.toString();
    }

    @Test
    void everyRefResolvesToADefinedComponent() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/components/"), "only local component references: " + ref);
            assertFalse(doc.at(ref.substring(1)).isMissingNode(), "unresolved $ref " + ref);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }

    @Test
    void everyOperationHasAResponseWithAnExampleOrASchema() {
        operations().forEach((route, operation) -> {
            JsonNode responses = operation.path("responses");
            assertTrue(responses.isObject() && !responses.isEmpty(), route + " has no responses");
            boolean described = false;
            for (JsonNode response : responses) {
                for (JsonNode media : resolve(response).path("content")) {
                    described |= media.has("example") || media.has("examples") || media.has("schema");
                }
            }
            assertTrue(described, route + " has no response with an example or a schema");
        });
    }

    @Test
    void everyRequestBodyAndSuccessfulJsonResponseHasAnExample() {
        operations().forEach((route, operation) -> {
            JsonNode body = resolve(operation.path("requestBody"));
            body.path("content").properties().forEach(media -> {
                if (!media.getKey().endsWith("octet-stream") && !media.getKey().startsWith("audio/")) {
                    assertTrue(
                            media.getValue().has("example") || media.getValue().has("examples"),
                            route + " request " + media.getKey() + " has no example");
                }
            });
            operation
                    .path("responses")
                    .properties()
                    .forEach(response -> resolve(response.getValue())
                            .path("content")
                            .properties()
                            .forEach(media -> {
                                if (media.getKey().equals("application/json")
                                        || media.getKey().equals("text/plain")) {
                                    assertTrue(
                                            media.getValue().has("example")
                                                    || media.getValue().has("examples"),
                                            route + " " + response.getKey() + " " + media.getKey() + " has no example");
                                }
                            }));
        });
    }

    @Test
    void errorsAreTheSharedErrorShapeAndEveryApiRouteCanAnswer401() {
        operations()
                .forEach((route, operation) -> operation
                        .path("responses")
                        .properties()
                        .forEach(response -> {
                            int status = Integer.parseInt(response.getKey());
                            JsonNode json =
                                    resolve(response.getValue()).path("content").path("application/json");
                            if (status >= 400
                                    && !json.isMissingNode()
                                    && !route.equals("GET /health")) { // 503 is the health body
                                assertEquals(
                                        "#/components/schemas/Error",
                                        json.path("schema").path("$ref").asText(),
                                        route + " " + status + " is not the shared Error schema");
                            }
                        }));
        operations().forEach((route, operation) -> {
            boolean isPublic = PUBLIC_ROUTES.contains(route);
            assertEquals(
                    isPublic,
                    operation.has("security") && operation.path("security").isEmpty(),
                    route + (isPublic ? " must have security: []" : " must inherit the document's security"));
            if (!isPublic) {
                assertTrue(operation.path("responses").has("401"), route + " does not document 401");
            }
        });
        assertEquals(
                Set.of("bearerAuth", "apiKey"),
                Set.of(
                        doc.path("security").path(0).fieldNames().next(),
                        doc.path("security").path(1).fieldNames().next()));
    }

    @Test
    void theAudioUrlDocumentsRangesAndThePresignedQuery() {
        JsonNode audio = operations().get("GET /presigned/audio/{recording_uuid}");
        Set<String> parameters = new LinkedHashSet<>();
        audio.path("parameters")
                .forEach(p -> parameters.add(resolve(p).path("in").asText() + ":"
                        + resolve(p).path("name").asText()));
        assertTrue(
                parameters.containsAll(
                        Set.of("path:recording_uuid", "query:expires", "query:signature", "header:Range")),
                "parameters: " + parameters);
        for (String status : List.of("200", "206", "403", "404", "416")) {
            assertTrue(audio.path("responses").has(status), "audio answers " + status);
        }
        assertTrue(audio.path("responses").path("206").path("headers").has("Content-Range"));
        JsonNode upload = operations().get("PUT /presigned/upload/{recording_uuid}");
        Set<String> uploadParameters = new LinkedHashSet<>();
        upload.path("parameters")
                .forEach(p -> uploadParameters.add(resolve(p).path("name").asText()));
        assertTrue(
                uploadParameters.containsAll(Set.of("recording_uuid", "expires", "signature")),
                "upload: " + uploadParameters);
    }

    // ---- Examples fit their schemas ------------------------------------------------------------

    @Test
    void everyExampleFitsItsSchema() {
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        checkExamples(doc, "#", problems, checked);
        assertTrue(checked[0] > 50, "examples checked: " + checked[0]);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void checkExamples(JsonNode node, String at, List<String> problems, int[] checked) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkExamples(node.get(i), at + "/" + i, problems, checked);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean hasSchema = node.has("schema");
        if (node.has("example")) {
            // A media type or parameter: its example fits its schema; a schema: its example fits itself.
            validate(node.get("example"), hasSchema ? node.get("schema") : node, at + "/example", problems);
            checked[0]++;
        }
        if (hasSchema && node.path("examples").isObject()) {
            node.get("examples").properties().forEach(example -> {
                validate(
                        resolve(example.getValue()).path("value"),
                        node.get("schema"),
                        at + "/examples/" + example.getKey(),
                        problems);
                checked[0]++;
            });
        }
        node.properties().forEach(field -> {
            boolean exampleValues = field.getKey().equals("example")
                    || (hasSchema && field.getKey().equals("examples"));
            if (!exampleValues) {
                checkExamples(field.getValue(), at + "/" + field.getKey(), problems, checked);
            }
        });
    }

    /** A small validator for the parts of JSON Schema this document uses. */
    private static void validate(JsonNode value, JsonNode schemaOrRef, String at, List<String> problems) {
        JsonNode schema = resolve(schemaOrRef);
        if (value == null || value.isMissingNode()) {
            problems.add(at + ": no value");
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(at + ": null, but the schema is not nullable");
            }
            return;
        }
        if (schema.has("oneOf")) {
            boolean any = false;
            for (JsonNode option : schema.get("oneOf")) {
                List<String> mismatch = new ArrayList<>();
                validate(value, option, at, mismatch);
                any |= mismatch.isEmpty();
            }
            if (!any) {
                problems.add(at + ": fits none of the oneOf schemas: " + value);
            }
            return;
        }
        if (schema.has("allOf") || "object".equals(schema.path("type").asText())) {
            validateObject(value, schema, at, problems);
            return;
        }
        String type = schema.path("type").asText();
        switch (type) {
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at + ": expected a string, got " + value);
                    return;
                }
                validateString(value.textValue(), schema, at, problems);
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + ": expected an integer, got " + value);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + ": expected a number, got " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": expected a boolean, got " + value);
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": expected an array, got " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    validate(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
                }
            }
            default -> problems.add(at + ": schema without a type: " + schema);
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            if (schema.has("minimum") && number < schema.get("minimum").doubleValue()
                    || schema.has("maximum") && number > schema.get("maximum").doubleValue()) {
                problems.add(at + ": " + number + " is out of range");
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    private static void validateString(String value, JsonNode schema, String at, List<String> problems) {
        String format = schema.path("format").asText();
        try {
            switch (format) {
                case "uuid" -> {
                    if (!UUID.matcher(value).matches()) {
                        problems.add(at + ": not a lower-case UUID: " + value);
                    }
                }
                case "date" -> LocalDate.parse(value);
                case "date-time" -> Instant.parse(value);
                default -> {}
            }
        } catch (RuntimeException e) {
            problems.add(at + ": not a " + format + ": " + value);
        }
        if (schema.has("pattern")
                && !Pattern.compile(schema.get("pattern").asText())
                        .matcher(value)
                        .find()) {
            problems.add(at + ": does not match " + schema.get("pattern").asText() + ": " + value);
        }
        if (schema.has("minLength") && value.length() < schema.get("minLength").asInt()
                || schema.has("maxLength")
                        && value.length() > schema.get("maxLength").asInt()) {
            problems.add(at + ": length out of range: " + value);
        }
    }

    private static void validateObject(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (!value.isObject()) {
            problems.add(at + ": expected an object, got " + value);
            return;
        }
        // allOf parts are merged: their properties together are the object's.
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        JsonNode[] additional = {null};
        merge(schema, properties, required, additional);
        for (String field : required) {
            if (!value.has(field)) {
                problems.add(at + ": required field " + field + " is missing");
            }
        }
        value.properties().forEach(field -> {
            JsonNode property = properties.get(field.getKey());
            if (property != null) {
                validate(field.getValue(), property, at + "." + field.getKey(), problems);
            } else if (additional[0] != null && additional[0].isObject()) {
                validate(field.getValue(), additional[0], at + "." + field.getKey(), problems);
            } else if (additional[0] == null || !additional[0].asBoolean()) {
                problems.add(at + ": field " + field.getKey() + " is not in the schema");
            }
        });
    }

    private static void merge(
            JsonNode schemaOrRef, Map<String, JsonNode> properties, Set<String> required, JsonNode[] additional) {
        JsonNode schema = resolve(schemaOrRef);
        schema.path("allOf").forEach(part -> merge(part, properties, required, additional));
        schema.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue()));
        schema.path("required").forEach(r -> required.add(r.asText()));
        if (schema.has("additionalProperties")) {
            additional[0] = schema.get("additionalProperties");
        }
    }

    // ---- Examples are what the code writes ------------------------------------------------------

    @Test
    void theTranscriptAndAnalyticsExamplesAreWhatTranscriptJsonAndAnalyticsJsonWrite() {
        JsonNode example = responseExample(
                "POST /v1alpha/callintel/org-usecases/recording/transcript-analytics", "200", "analysed");
        ObjectNode transcript = JSON.createObjectNode();
        TranscriptJson.fill(transcript, TranscriptJson.read(example.get("transcript")));
        assertWritten(example.get("transcript"), transcript, "transcript");
        ObjectNode analytics = JSON.createObjectNode();
        AnalyticsJson.fill(analytics, AnalyticsJson.read(example.get("analytics")));
        assertWritten(example.get("analytics"), analytics, "analytics");
    }

    @Test
    void theUseCaseExamplesAreWhatViewsAndUseCaseJsonWrite() {
        Views views = new Views(JSON);
        JsonNode request = requestExample("POST /v1alpha/callintel/usecase");
        JsonNode created = responseExample("POST /v1alpha/callintel/usecase", "201", null);
        ObjectNode config = JSON.createObjectNode();
        UseCaseJson.fill(config, UseCaseJson.analysisConfig(request));
        assertWritten(request.get("analysis_config"), config, "analysis_config as read and written back");
        assertWritten(created, views.useCase(useCase(created)), "the created use case");
        for (String route : List.of(
                "GET /v1alpha/callintel/usecase/{usecase_uuid}", "PUT /v1alpha/callintel/usecase/{usecase_uuid}")) {
            JsonNode view = responseExample(route, "200", null);
            assertWritten(view, views.useCase(useCase(view)), route);
        }

        JsonNode list = responseExample("GET /v1alpha/callintel/org-usecases/{org_uuid}", "200", null);
        List<UseCase> items = new ArrayList<>();
        List<ObjectNode> nodes = new ArrayList<>();
        for (JsonNode item : list.get("usecases")) {
            UseCase useCase = useCase(item);
            items.add(useCase);
            Map<RecordingState, Long> counts = new EnumMap<>(RecordingState.class);
            item.path("usage")
                    .path("recordings_by_state")
                    .properties()
                    .forEach(state -> counts.put(
                            RecordingState.fromWireName(state.getKey()),
                            state.getValue().asLong()));
            nodes.add((ObjectNode) views.useCase(useCase).set("usage", views.stateCounts(counts)));
        }
        Page<UseCase> page = new Page<>(
                items,
                list.get("page").asInt(),
                list.get("limit").asInt(),
                list.get("total").asLong());
        assertWritten(
                list,
                views.page(page, "usecases", nodes)
                        .put("org_uuid", list.get("org_uuid").asText()),
                "the use case list");
    }

    @Test
    void theRecordingExamplesAreWhatViewsWrite() {
        Views views = new Views(JSON);
        JsonNode list = responseExample("POST /v1alpha/callintel/org-usecases/recordings", "200", null);
        List<Recording> items = new ArrayList<>();
        for (JsonNode item : list.get("recordings")) {
            Recording recording = recording(item, null, "33bbb237-6256-4c81-b423-a5bd16af5a32", 1);
            assertWritten(item, views.recording(recording), "recording " + item.get("recording_uuid"));
            items.add(recording);
        }
        Page<Recording> page = new Page<>(
                items,
                list.get("page").asInt(),
                list.get("limit").asInt(),
                list.get("total").asLong());
        assertWritten(
                list,
                views.page(
                                page,
                                "recordings",
                                items.stream().map(views::recording).toList())
                        .put("usecase_uuid", list.get("usecase_uuid").asText()),
                "the recordings list");

        JsonNode details = responseExample("POST /v1alpha/callintel/org-usecases/get-recording-details", "200", null);
        Recording recording = recording(
                details,
                details.get("file"),
                details.get("org_uuid").asText(),
                details.get("attempts").asInt());
        List<StateChange> history = new ArrayList<>();
        for (JsonNode step : details.get("processing_history")) {
            history.add(new StateChange(
                    RecordingState.fromWireName(step.get("state").asText()),
                    Instant.parse(step.get("at").asText()),
                    step.get("message").isNull() ? "" : step.get("message").asText()));
        }
        assertWritten(details, views.recordingDetails(recording, history), "the recording details");
    }

    private static UseCase useCase(JsonNode view) {
        return new UseCase(
                view.get("usecase_uuid").asText(),
                view.get("org_uuid").asText(),
                view.get("usecase_name").asText(),
                view.get("usecase_desc").asText(),
                strings(view.get("tags")),
                strings(view.get("buckets")),
                UseCaseJson.analysisConfig(view),
                Instant.parse(view.get("created_at").asText()),
                Instant.parse(view.get("updated_at").asText()));
    }

    /** The recording a view shows; {@code file} (details only) gives what a list entry does not show. */
    private static Recording recording(JsonNode view, JsonNode file, String org, int attempts) {
        String key =
                file == null ? view.get("s3_key").asText() : file.get("s3_key").asText();
        Optional<AudioFile> audio = view.get("duration").isNull()
                ? Optional.empty()
                : Optional.of(
                        file == null
                                ? new AudioFile(
                                        "wav",
                                        "pcm_s16le",
                                        8000,
                                        2,
                                        view.get("duration").asDouble())
                                : new AudioFile(
                                        file.get("format").asText(),
                                        file.get("codec").asText(),
                                        file.get("sample_rate").asInt(),
                                        file.get("channels").asInt(),
                                        file.get("duration").asDouble()));
        return new Recording(
                view.get("recording_uuid").asText(),
                org,
                optional(view.get("usecase_uuid")),
                file == null ? "acme-corp" : file.get("client_name").asText(),
                file == null ? "sales-team" : file.get("client_profile").asText(),
                view.get("file_name").asText(),
                file == null ? 1 : file.get("file_size").asLong(),
                file == null ? "audio/wav" : file.get("content_type").asText(),
                key,
                view.get("metadata").toString(),
                LocalDate.parse(view.get("call_date").asText()),
                optional(view.get("call_type")),
                RecordingState.fromWireName(view.get("state").asText()),
                view.get("error").isNull() ? "" : view.get("error").asText(),
                attempts,
                audio,
                Instant.parse(view.get("created_at").asText()),
                Instant.parse(view.get("updated_at").asText()),
                ProcessingHints.NONE);
    }

    private static Optional<String> optional(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    private static void assertWritten(JsonNode expected, JsonNode actual, String what) {
        if (!expected.equals(BY_VALUE, actual)) {
            fail(what + " differs from what the code writes\n  openapi.json: " + expected + "\n  code:         "
                    + actual);
        }
    }

    // ---- Navigation -----------------------------------------------------------------------------

    /** Every operation, keyed "METHOD path". */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (METHODS.contains(method.getKey())) {
                        operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                }));
        return operations;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            assertTrue(hops < 10, "a $ref cycle at " + node);
            JsonNode target = doc.at(current.get("$ref").asText().substring(1));
            assertFalse(target.isMissingNode(), "unresolved $ref " + current.get("$ref"));
            current = target;
        }
        return current;
    }

    private static JsonNode requestExample(String route) {
        JsonNode example = resolve(operation(route).path("requestBody"))
                .path("content")
                .path("application/json")
                .path("example");
        assertFalse(example.isMissingNode(), route + " has no request example");
        return example;
    }

    /** The response's example, or its named one when {@code name} is given. */
    private static JsonNode responseExample(String route, String status, String name) {
        JsonNode media = resolve(operation(route).path("responses").path(status))
                .path("content")
                .path("application/json");
        JsonNode example = name == null
                ? media.path("example")
                : resolve(media.path("examples").path(name)).path("value");
        assertFalse(
                example.isMissingNode(), route + " " + status + " has no example" + (name == null ? "" : " " + name));
        return example;
    }

    private static JsonNode operation(String route) {
        JsonNode operation = operations().get(route);
        assertNotNull(operation, route + " is not documented");
        return operation;
    }
}
