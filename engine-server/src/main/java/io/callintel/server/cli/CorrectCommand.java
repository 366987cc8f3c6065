package io.callintel.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.core.Uuids;
import io.callintel.core.recording.Recording;
import io.callintel.core.usecase.Correction;
import io.callintel.server.service.Corrections;
import io.callintel.server.store.Database;
import io.callintel.server.store.JdbcCorrectionStore;
import io.callintel.server.store.JdbcRecordingStore;
import io.callintel.server.store.JdbcUseCaseStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code callintel correct --org ORG --recording UUID (--bucket NAME | --question TEXT --answer ANSWER)}: the same
 * correction as the API's, straight into a server's data directory.
 */
@Command(
        name = "correct",
        mixinStandardHelpOptions = true,
        description = {
            "Corrects a recording's bucket, or one of its answers, in a server's data directory, and prints the",
            "recording's corrections. Later calls of its use case learn from them. Works while the server runs."
        })
final class CorrectCommand implements Callable<Integer> {

    private final PrintWriter out;

    @Spec
    CommandSpec spec;

    @Mixin
    OrgFlags target;

    @Option(names = "--recording", required = true, paramLabel = "UUID", description = "The recording.")
    String recording;

    @Option(names = "--bucket", paramLabel = "NAME", description = "The right bucket.")
    String bucket;

    @Option(names = "--question", paramLabel = "TEXT", description = "A question of the use case, word for word.")
    String question;

    @Option(names = "--answer", paramLabel = "ANSWER", description = "The right answer: Yes, No or Unclear.")
    String answer;

    CorrectCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        String org = target.org(spec.commandLine());
        if (!Uuids.isUuid(recording)) {
            throw new ParameterException(spec.commandLine(), "--recording must be a UUID, got '" + recording + "'");
        }
        try (Database db = target.storage().openDatabase()) {
            Clock clock = Clock.systemUTC();
            Recording found = new JdbcRecordingStore(db, clock)
                    .find(org, recording.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new CliException("no recording " + recording + " in organization " + org, null));
            var useCase = found.usecase().flatMap(uuid -> new JdbcUseCaseStore(db, new ObjectMapper()).find(org, uuid));
            List<Correction> corrections;
            try {
                corrections = new Corrections(new JdbcCorrectionStore(db), clock)
                        .correct(
                                found,
                                useCase,
                                Optional.ofNullable(bucket),
                                Optional.ofNullable(question),
                                Optional.ofNullable(answer));
            } catch (Corrections.Invalid e) {
                String flag = e.field().equals("recording_uuid") ? "recording" : e.field();
                throw new ParameterException(spec.commandLine(), "--" + flag + ": " + e.getMessage());
            }
            for (Correction correction : corrections) {
                out.println((correction.ofBucket() ? "bucket" : correction.question()) + "\t" + correction.value());
            }
        }
        return 0;
    }
}
