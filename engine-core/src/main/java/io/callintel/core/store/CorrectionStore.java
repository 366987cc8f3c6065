package io.callintel.core.store;

import io.callintel.core.usecase.Correction;
import java.util.List;

/** People's corrections of buckets and answers, kept per use case. */
public interface CorrectionStore {

    /** Stores a correction; it replaces an earlier one of the same recording's bucket or of the same answer. */
    void save(Correction correction);

    /** A recording's corrections, oldest first. */
    List<Correction> forRecording(String org, String recording);

    /** A use case's corrections, oldest first. */
    List<Correction> forUseCase(String org, String useCase);
}
