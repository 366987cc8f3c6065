package io.callintel.bench.support;

import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The small use case that {@link AnalyzeBenchmark} and {@link MacroBenchmark} analyse calls against, written for
 * the synthesised calls of {@link AsrCorpus} (a bank: lost card, savings rates, a personal loan): stance,
 * occurrence and open questions, and four buckets one of which is the uncertain one.
 */
public final class BenchUseCase {

    public static final AnalysisConfig BANK = new AnalysisConfig(
            List.of(
                    QuestionDefinition.of("Did the customer report a lost or stolen card? (Yes/No)"),
                    QuestionDefinition.of("Did the agent mention the interest rate? (Yes/No)"),
                    QuestionDefinition.of("Is the customer interested in the loan? (Yes/No)"),
                    QuestionDefinition.of("What does the customer want to do next?")),
            List.of(
                    BucketDefinition.of(
                            "Card problem", "The customer lost a card or reports payments they did not make."),
                    BucketDefinition.of(
                            "Savings or loan", "The customer asks about interest rates, savings accounts or a loan."),
                    BucketDefinition.of("Complaint", "The customer is unhappy with the service and wants to complain."),
                    BucketDefinition.of("Not Clear", "If it is not clear what the customer is calling about.")));

    private BenchUseCase() {}

    /** One line: the answers in order, then the bucket. */
    public static String brief(CallAnalytics analytics) {
        return analytics.questions().stream()
                        .map(QuestionAnswer::answer)
                        .map(a -> a.isEmpty() ? "(none)" : shorten(a))
                        .collect(Collectors.joining(" | "))
                + " -> " + analytics.bucket().name();
    }

    private static String shorten(String answer) {
        return answer.length() <= 40 ? answer : answer.substring(0, 37) + "...";
    }
}
