package io.callintel.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import io.callintel.core.usecase.Redaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The use-case codec that the library, the command line and the server share. Reads the analysis part of a
 * use case as the hosted API writes it:
 * {@code analysis_config: {analysis_questions: [...], analysis_buckets: [{objective_bucket_name, description}]}}.
 * {@code redaction} ({@code off}, the default, {@code transcript} or {@code transcript_and_audio}) says what of the
 * personal data said in a call to redact. Optional hints, which the hosted schema does not have and ignores: a question may be an object
 * {@code {"question", "keywords": [...]}} instead of a string; a bucket may carry {@code keywords}
 * and {@code examples}. Every mistake is an {@link IllegalArgumentException} naming the field.
 */
public final class UseCaseJson {

    private UseCaseJson() {}

    /**
     * Reads a use case's questions and buckets from a file holding the JSON body of a create-use-case request
     * ({@code analysis_config: {analysis_questions, analysis_buckets}}).
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public static AnalysisConfig read(Path json) throws IOException {
        JsonNode body = new ObjectMapper().readTree(json.toFile());
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException(json + ": a use case must be a JSON object");
        }
        return analysisConfig(body);
    }

    /** The analysis configuration of a create- or update-use-case body; empty when it has none. */
    public static AnalysisConfig analysisConfig(JsonNode useCase) {
        JsonNode config = useCase.path("analysis_config");
        if (config.isMissingNode() || config.isNull()) {
            return AnalysisConfig.empty();
        }
        if (!config.isObject()) {
            throw new IllegalArgumentException("analysis_config must be an object");
        }
        return new AnalysisConfig(
                questions(config.path("analysis_questions")),
                buckets(config.path("analysis_buckets")),
                redaction(config.path("redaction")));
    }

    private static Redaction redaction(JsonNode redaction) {
        if (redaction.isMissingNode() || redaction.isNull()) {
            return Redaction.OFF;
        }
        try {
            return Redaction.parse(redaction.isTextual() ? redaction.asText() : redaction.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("analysis_config.redaction " + e.getMessage(), e);
        }
    }

    /**
     * Writes an analysis configuration back as {@code analysis_config} ({@code redaction}, {@code analysis_questions},
     * {@code analysis_buckets}), hints included only where given, so that {@link #analysisConfig} reads
     * back the same configuration.
     */
    public static void fill(ObjectNode analysisConfig, AnalysisConfig config) {
        analysisConfig.put("redaction", config.redaction().wireName());
        ArrayNode questions = analysisConfig.putArray("analysis_questions");
        for (QuestionDefinition question : config.questions()) {
            if (question.keywords().isEmpty()) {
                questions.add(question.question());
            } else {
                ObjectNode entry = questions.addObject().put("question", question.question());
                question.keywords().forEach(entry.putArray("keywords")::add);
            }
        }
        ArrayNode buckets = analysisConfig.putArray("analysis_buckets");
        for (BucketDefinition bucket : config.buckets()) {
            ObjectNode entry = buckets.addObject()
                    .put("objective_bucket_name", bucket.name())
                    .put("description", bucket.description());
            if (!bucket.keywords().isEmpty()) {
                bucket.keywords().forEach(entry.putArray("keywords")::add);
            }
            if (!bucket.examples().isEmpty()) {
                bucket.examples().forEach(entry.putArray("examples")::add);
            }
        }
    }

    private static List<QuestionDefinition> questions(JsonNode questions) {
        List<QuestionDefinition> result = new ArrayList<>();
        for (JsonNode question : array(questions, "analysis_config.analysis_questions")) {
            String where = "analysis_config.analysis_questions[" + result.size() + "]";
            if (question.isTextual()) {
                result.add(QuestionDefinition.of(text(question, where)));
            } else if (question.isObject()) {
                result.add(new QuestionDefinition(
                        text(question.path("question"), where + ".question"),
                        strings(question.path("keywords"), where + ".keywords")));
            } else {
                throw new IllegalArgumentException(where + " must be a string or an object with \"question\"");
            }
        }
        return result;
    }

    private static List<BucketDefinition> buckets(JsonNode buckets) {
        List<BucketDefinition> result = new ArrayList<>();
        for (JsonNode bucket : array(buckets, "analysis_config.analysis_buckets")) {
            String where = "analysis_config.analysis_buckets[" + result.size() + "]";
            if (!bucket.isObject()) {
                throw new IllegalArgumentException(
                        where + " must be an object with objective_bucket_name and description");
            }
            JsonNode description = bucket.path("description");
            result.add(new BucketDefinition(
                    text(bucket.path("objective_bucket_name"), where + ".objective_bucket_name"),
                    description.isMissingNode() || description.isNull()
                            ? ""
                            : text(description, where + ".description"),
                    strings(bucket.path("keywords"), where + ".keywords"),
                    strings(bucket.path("examples"), where + ".examples")));
        }
        return result;
    }

    private static Iterable<JsonNode> array(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be an array");
        }
        return node;
    }

    private static List<String> strings(JsonNode node, String where) {
        List<String> result = new ArrayList<>();
        for (JsonNode item : array(node, where)) {
            result.add(text(item, where + "[" + result.size() + "]"));
        }
        return result;
    }

    private static String text(JsonNode node, String where) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(where + " must be a non-empty string");
        }
        return node.asText().trim();
    }
}
