package io.callintel.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.usecase.AnalysisConfig;
import io.callintel.core.usecase.BucketDefinition;
import io.callintel.core.usecase.QuestionDefinition;
import io.callintel.core.usecase.UseCase;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.store.Database;
import io.callintel.server.store.JdbcCorrectionStore;
import io.callintel.server.store.JdbcRecordingStore;
import io.callintel.server.store.JdbcUseCaseStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callintel correct}: the API's corrections, straight into a data directory. */
class CorrectCommandTest {

    private static final String ORG = "33bbb237-6256-4c81-b423-a5bd16af5a32";
    private static final String USE_CASE = "dab80fa1-8bd1-4411-9333-c46970d27a1a";
    private static final String RECORDING = "4cb66f57-f16b-461d-a670-6585b2fe9456";
    private static final String QUESTION = "Is the lead interested? (Yes/No)";

    @Test
    void correctsBucketsAndAnswersAndRefusesWhatTheUseCaseDoesNotHave(@TempDir Path data) throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        try (Database db = Database.open(DataDirectory.create(data).database())) {
            new JdbcUseCaseStore(db, new ObjectMapper())
                    .create(new UseCase(
                            USE_CASE,
                            ORG,
                            "sales",
                            "",
                            List.of(),
                            List.of(),
                            new AnalysisConfig(
                                    List.of(QuestionDefinition.of(QUESTION)),
                                    List.of(
                                            BucketDefinition.of("Hot", "wants it"),
                                            BucketDefinition.of("Cold", "does not"))),
                            now,
                            now));
            new JdbcRecordingStore(db, Clock.systemUTC())
                    .create(Recording.builder(RECORDING, ORG)
                            .usecase(Optional.of(USE_CASE))
                            .client("acme", "default")
                            .file("a.wav", 10, "audio/wav")
                            .storageKey("acme/default/recordings/" + RECORDING + ".wav")
                            .metadata("{}", LocalDate.of(2026, 1, 1), Optional.empty())
                            .state(RecordingState.ANALYSIS_COMPLETED, "")
                            .times(now, now)
                            .build());
        }
        String[] common = {"correct", "--org", ORG, "--data", data.toString(), "--recording", RECORDING};
        Cli.Run bucket = Cli.run(concat(common, "--bucket", "Cold"));
        assertEquals(0, bucket.exitCode(), bucket.err());
        assertEquals("bucket\tCold", bucket.out().trim());
        Cli.Run answer = Cli.run(concat(common, "--question", QUESTION, "--answer", "no"));
        assertEquals(0, answer.exitCode(), answer.err());
        assertTrue(answer.out().contains(QUESTION + "\tNo"), answer.out());

        Cli.Run unknown = Cli.run(concat(common, "--bucket", "Lukewarm"));
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("--bucket: 'Lukewarm' is not one of the use case's buckets"), unknown.err());
        Cli.Run missing =
                Cli.run("correct", "--org", ORG, "--data", data.toString(), "--recording", ORG, "--bucket", "Cold");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no recording"), missing.err());
        try (Database db = Database.open(DataDirectory.create(data).database())) {
            assertEquals(
                    2, new JdbcCorrectionStore(db).forUseCase(ORG, USE_CASE).size());
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
