package io.callintel.server.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * What a request's credential allows: its organization, and for an API key its id and limits.
 *
 * @param keyId    the API key's id; empty for a token
 * @param useCase  the one use case a limited key may touch; empty: all of the organization's
 * @param readOnly whether the key may only read
 */
public record Grant(String org, Optional<String> keyId, Optional<String> useCase, boolean readOnly) {

    public Grant {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(useCase, "useCase");
    }

    /** Everything of the organization: a token, or an API key without limits. */
    public static Grant full(String org) {
        return new Grant(org, Optional.empty(), Optional.empty(), false);
    }

    public boolean limited() {
        return useCase.isPresent() || readOnly;
    }
}
