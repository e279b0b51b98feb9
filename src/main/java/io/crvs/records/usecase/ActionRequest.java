package io.crvs.records.usecase;

import java.util.Optional;

/**
 * The details of a workflow action.
 *
 * @param expectedVersion the record version the caller saw (If-Match); a different current version is a conflict
 * @param reason rejection reason, archive reason, or for registration the reason for late registration
 * @param updatedBundle for an update: the new declaration as a FHIR document bundle
 */
public record ActionRequest(Optional<Integer> expectedVersion, Optional<String> reason, Optional<String> comment,
        Optional<byte[]> updatedBundle) {

    public static ActionRequest none() {
        return new ActionRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
