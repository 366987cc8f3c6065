package io.callintel.engine.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.analytics.BucketResult;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.CallMetrics;
import io.callintel.core.analytics.Evidence;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.analytics.SpeakerMetrics;
import io.callintel.core.analytics.SpeakerSentiment;
import io.callintel.core.transcript.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Evidence INTERESTED = new Evidence(
            "SPEAKER_2", Role.CUSTOMER, 13.08, 16.92, "yeah i'm very interested in the loan let's go ahead");
    private static final Evidence FEE =
            new Evidence("SPEAKER_1", Role.AGENT, 5.6, 9.1, "there is no fee for the first year");

    private static CallAnalytics analytics(BucketResult bucket) {
        List<QuestionAnswer> questions = List.of(
                new QuestionAnswer(
                        "Is the lead interested in the loan offer? (Yes/No)",
                        QuestionAnswer.YES,
                        1.0,
                        List.of(INTERESTED)),
                new QuestionAnswer(
                        "Did the agent mention the fee?",
                        "there is no fee for the first year",
                        0.734,
                        List.of(FEE, INTERESTED)),
                new QuestionAnswer("When will the customer call back?", "", 0, List.of()),
                new QuestionAnswer(
                        "When will the customer pay?",
                        "i get paid on friday so i can pay the whole thing then",
                        "on friday",
                        0.41,
                        List.of(INTERESTED)));
        CallMetrics metrics = new CallMetrics(
                23.283,
                19.17,
                4.113,
                0.95,
                0.24,
                1,
                6,
                57,
                178.404,
                0.767,
                List.of(
                        new SpeakerMetrics("SPEAKER_1", Role.AGENT, 12.44, 0.649, 41, 197.749, 3, 5.33, 0.733, 0, 1),
                        new SpeakerMetrics("SPEAKER_2", Role.CUSTOMER, 6.73, 0.351, 16, 142.645, 3, 3.84, 0.854, 1, 0)),
                List.of(
                        new SpeakerMetrics("agent", Role.AGENT, 12.44, 0.649, 41, 197.749, 3, 5.33, 0.733, 0, 1),
                        new SpeakerMetrics("customer", Role.CUSTOMER, 6.73, 0.351, 16, 142.645, 3, 3.84, 0.854, 1, 0)),
                List.of(new SpeakerSentiment(
                        "SPEAKER_2",
                        Role.CUSTOMER,
                        -0.52,
                        0.61,
                        0.104,
                        List.of(
                                new SpeakerSentiment.Point(0, 4.657, -0.52),
                                new SpeakerSentiment.Point(18.626, 23.283, 0.61)),
                        1,
                        1,
                        1)));
        return new CallAnalytics(questions, bucket, metrics);
    }

    private static BucketResult hotLead() {
        Map<String, Double> scores = new LinkedHashMap<>(); // the use case's order, not alphabetical
        scores.put("Hot Lead", 0.887);
        scores.put("Warm Lead", 0.058);
        scores.put("Cold Lead", 0.006);
        scores.put("Not Clear", 0.048);
        return new BucketResult("Hot Lead", 0.887, scores, List.of(INTERESTED));
    }

    private static String write(CallAnalytics analytics) {
        ObjectNode node = JSON.createObjectNode();
        AnalyticsJson.fill(node, analytics);
        return node.toString();
    }

    @Test
    void readIsTheInverseOfFill() throws Exception {
        CallAnalytics call = analytics(hotLead());
        String json = write(call);
        CallAnalytics back = AnalyticsJson.read(JSON.readTree(json));
        assertEquals(json, write(back));
        assertEquals(call, back);
        assertEquals(
                List.of("Hot Lead", "Warm Lead", "Cold Lead", "Not Clear"),
                List.copyOf(back.bucket().scores().keySet()));
    }

    @Test
    void anOpenAnswersFactIsWrittenOnlyWhereThereIsOne() throws Exception {
        JsonNode questions = JSON.readTree(write(analytics(hotLead()))).path("questions");
        assertEquals("on friday", questions.get(3).path("fact").textValue());
        assertTrue(questions.get(0).path("fact").isMissingNode(), "a yes/no answer has no fact");
        assertTrue(questions.get(2).path("fact").isMissingNode(), "an open question nothing answered has none");
    }

    @Test
    void aUseCaseWithoutBucketsReadsBackWithoutABucket() throws Exception {
        CallAnalytics call = analytics(null);
        String json = write(call);
        CallAnalytics back = AnalyticsJson.read(JSON.readTree(json));
        assertNull(back.bucket());
        assertEquals(json, write(back));
        assertEquals(call, back);
    }

    @Test
    void aMalformedDocumentNamesTheField() throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(write(analytics(hotLead())));
        ((ObjectNode) node.path("questions").get(1).path("evidence").get(0)).remove("text");
        assertEquals("questions[1].evidence[0].text must be a string", error(node));

        node = (ObjectNode) JSON.readTree(write(analytics(hotLead())));
        ((ObjectNode) node.path("bucket").path("scores")).put("Warm Lead", "low");
        assertEquals("bucket.scores.Warm Lead must be a number", error(node));

        node = (ObjectNode) JSON.readTree(write(analytics(hotLead())));
        ((ObjectNode) node.path("metrics").path("speakers").get(1)).put("turns", 2.5);
        assertEquals("metrics.speakers[1].turns must be an integer", error(node));

        node = (ObjectNode) JSON.readTree(write(analytics(hotLead())));
        ((ObjectNode) node.path("metrics").path("roles").get(0)).put("role", "manager");
        assertEquals("metrics.roles[0].role must be \"agent\" or \"customer\"", error(node));

        node = (ObjectNode) JSON.readTree(write(analytics(null)));
        node.remove("bucket");
        assertEquals("bucket must be an object", error(node));

        node = (ObjectNode) JSON.readTree(write(analytics(null)));
        node.put("metrics", 3);
        assertEquals("metrics must be an object", error(node));
    }

    private static String error(JsonNode node) {
        return assertThrows(IllegalArgumentException.class, () -> AnalyticsJson.read(node))
                .getMessage();
    }
}
