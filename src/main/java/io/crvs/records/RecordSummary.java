package io.crvs.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A record as work queues and rules see it, without its FHIR content.
 *
 * @param officeId the office the record belongs to (OpenCRVS {@code regLastOffice})
 * @param locationId that office's district ({@code regLastLocation})
 * @param version increases with every change; actions may name the version they saw
 */
public record RecordSummary(String id, String trackingId, EventType event, RecordStatus status, String officeId,
        String locationId, String submitterType, String submitterId, Optional<String> subjectName,
        Optional<LocalDate> eventDate, Optional<String> registrationNumber, Optional<Instant> registeredAt,
        int version, Instant createdAt, Instant updatedAt) {
}
