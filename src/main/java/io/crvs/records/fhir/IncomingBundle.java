package io.crvs.records.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.records.EventType;
import java.util.List;
import java.util.Optional;

/**
 * A structurally valid OpenCRVS document bundle: the Composition first, the Task second, then the people,
 * encounter and observations, each with its {@code fullUrl}.
 *
 * @param notification true for a {@code *-notification} composition (a partial record from a health system)
 * @param sourceIdentifier the submitter's {@code Composition.identifier} value, which makes resubmission idempotent
 */
public record IncomingBundle(List<Entry> entries, EventType event, boolean notification,
        Optional<String> sourceIdentifier) {

    public IncomingBundle {
        entries = List.copyOf(entries);
    }

    public Entry composition() {
        return entries.get(0);
    }

    public Entry task() {
        return entries.get(1);
    }

    public Optional<Entry> byFullUrl(String fullUrl) {
        return entries.stream().filter(e -> e.fullUrl().equals(fullUrl)).findFirst();
    }

    /** One {@code Bundle.entry}. The resource node is the caller's to modify before storing. */
    public record Entry(String fullUrl, String resourceType, ObjectNode resource) {
    }
}
