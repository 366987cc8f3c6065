package io.callintel.core.store;

import io.callintel.core.usecase.UseCase;
import java.util.Optional;

/** Use cases, always looked up within one organisation: another org's use case is absent. */
public interface UseCaseStore {

    void create(UseCase useCase);

    Optional<UseCase> find(String org, String uuid);

    /** Replaces a use case's fields (the uuid, org and creation time stay). @return false when absent */
    boolean update(UseCase useCase);

    /** @return false when absent */
    boolean delete(String org, String uuid);

    /** The org's use cases, newest first; only those carrying {@code tag} when it is present. */
    Page<UseCase> list(String org, Optional<String> tag, PageRequest page);
}
