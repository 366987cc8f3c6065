package io.callintel.engine.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.core.usecase.AnalysisConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class UseCaseJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheHostedSchemaAndTheOptionalHints() throws Exception {
        AnalysisConfig config = UseCaseJson.analysisConfig(JSON.readTree("""
                {"analysis_config": {"analysis_questions": ["Is the lead interested? (Yes/No)",
                    {"question": "Did the agent mention the fee?", "keywords": ["fee", "charge"]}],
                  "analysis_buckets": [{"objective_bucket_name": "Hot Lead", "description": "Wants to buy."},
                    {"objective_bucket_name": "Cold", "description": "Not interested.", "examples": ["no thanks"]}]}}
                """));
        assertEquals(
                "Is the lead interested? (Yes/No)", config.questions().get(0).question());
        assertEquals(List.of("fee", "charge"), config.questions().get(1).keywords());
        assertEquals("Hot Lead", config.buckets().get(0).name());
        assertEquals(List.of("no thanks"), config.buckets().get(1).examples());
        assertTrue(config.buckets().get(0).keywords().isEmpty(), "missing hints change nothing");
    }

    @Test
    void noConfigIsAnEmptyConfig() throws Exception {
        assertEquals(AnalysisConfig.empty(), UseCaseJson.analysisConfig(JSON.readTree("{\"usecase_name\": \"x\"}")));
    }

    @Test
    void mistakesNameTheField() throws Exception {
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> UseCaseJson.analysisConfig(
                        JSON.readTree("{\"analysis_config\": {\"analysis_questions\": [\"ok\", 42]}}")));
        assertEquals(
                "analysis_config.analysis_questions[1] must be a string or an object with \"question\"",
                error.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> UseCaseJson.analysisConfig(
                        JSON.readTree(
                                "{\"analysis_config\": {\"analysis_buckets\": [{\"objective_bucket_name\": \"A\"}, {\"objective_bucket_name\": \"A\"}]}}")));
        assertThrows(
                IllegalArgumentException.class,
                () -> UseCaseJson.analysisConfig(
                        JSON.readTree("{\"analysis_config\": {\"analysis_buckets\": \"hot\"}}")));
    }
}
