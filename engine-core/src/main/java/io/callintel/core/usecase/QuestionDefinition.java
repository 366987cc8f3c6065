package io.callintel.core.usecase;

import java.util.List;
import java.util.Objects;

/**
 * A question the customer asks of every call of a use case, in plain English.
 *
 * @param question the question, e.g. "Is the lead interested in the loan offer? (Yes/No)"
 * @param keywords optional hint: words or phrases that signal the topic (empty when not given)
 */
public record QuestionDefinition(String question, List<String> keywords) {

    public QuestionDefinition {
        Objects.requireNonNull(question, "question");
        if (question.isBlank()) {
            throw new IllegalArgumentException("a question must not be blank");
        }
        keywords = List.copyOf(keywords);
    }

    public static QuestionDefinition of(String question) {
        return new QuestionDefinition(question, List.of());
    }
}
