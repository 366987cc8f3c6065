import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import io.callintel.engine.CallIntelEngine;
import io.callintel.engine.CallResult;
import java.nio.file.Path;
import java.util.List;

public class LibraryExample {

    public static void main(String[] args) throws Exception {
        AnalysisConfig useCase = new AnalysisConfig(
                List.of(QuestionDefinition.of("Is the customer interested in the loan offer? (Yes/No)")),
                List.of(
                        BucketDefinition.of("Hot Lead", "The customer is interested in the loan offer."),
                        BucketDefinition.of("Warm Lead", "The customer shows no interest."),
                        BucketDefinition.of("Not Clear", "It is not clear whether the customer is interested.")));

        // Loads the bundled models once; share the engine between threads, close it when done.
        try (CallIntelEngine engine = CallIntelEngine.builder().threads(2).build()) {
            CallResult result = engine.analyze(Path.of(args[0]), useCase);
            result.transcript()
                    .segments()
                    .forEach(segment -> System.out.printf(
                            "%6.1f %s (%s): %s%n",
                            segment.start(), segment.speaker(), segment.role().wireName(), segment.text()));
            for (QuestionAnswer answer : result.analytics().questions()) {
                System.out.println(answer.question() + " -> " + answer.answer());
            }
            System.out.println("Bucket: " + result.analytics().bucket().name());
        }
    }
}
