package io.crvs.records.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.records.EventType;
import io.crvs.records.RecordStatus;
import io.crvs.records.RecordSummary;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code records} and {@code record_resources}. Methods take the caller's transaction. Stateless. */
public final class RecordStore {
    private static final String COLUMNS = """
            id, tracking_id, event, status, office_id, location_id, submitter_type, submitter_id, subject_name,
            event_date, registration_number, registered_at, version, created_at, updated_at""";

    private static final int SUBJECT_NAME_MAX = 300;

    /** One FHIR resource of a record, as stored. */
    public record Resource(String id, String type, int position, String content) {

        /** A document's resources as rows, in document order. */
        public static List<Resource> of(List<ObjectNode> resources) {
            var rows = new ArrayList<Resource>(resources.size());
            for (int i = 0; i < resources.size(); i++) {
                var resource = resources.get(i);
                rows.add(new Resource(resource.path("id").asText(), resource.path("resourceType").asText(), i, resource.toString()));
            }
            return rows;
        }
    }

    public void insert(Handle handle, RecordSummary record, Optional<String> sourceIdentifier) {
        handle.createUpdate("""
                INSERT INTO records (id, tracking_id, event, status, office_id, location_id, submitter_type,
                    submitter_id, source_identifier, subject_name, event_date, version, created_at, updated_at)
                VALUES (:id, :trackingId, :event, :status, :officeId, :locationId, :submitterType, :submitterId,
                    :sourceIdentifier, :subjectName, :eventDate, :version, :createdAt, :createdAt)""")
                .bind("id", record.id()).bind("trackingId", record.trackingId()).bind("event", record.event().name())
                .bind("status", record.status().name()).bind("officeId", record.officeId())
                .bind("locationId", record.locationId()).bind("submitterType", record.submitterType())
                .bind("submitterId", record.submitterId()).bind("sourceIdentifier", sourceIdentifier.orElse(null))
                .bind("subjectName", subjectName(record))
                .bind("eventDate", record.eventDate().map(Date::valueOf).orElse(null))
                .bind("version", record.version()).bind("createdAt", utc(record.createdAt()))
                .execute();
    }

    public void insertResources(Handle handle, String recordId, Collection<Resource> resources) {
        var batch = handle.prepareBatch("""
                INSERT INTO record_resources (record_id, resource_id, resource_type, position, content)
                VALUES (:recordId, :id, :type, :position, :content)""");
        for (var resource : resources) {
            batch.bind("recordId", recordId).bind("id", resource.id()).bind("type", resource.type())
                    .bind("position", resource.position()).bind("content", resource.content()).add();
        }
        batch.execute();
    }

    /** Replaces every resource of the record (a declaration update or an action that changed the Task). */
    public void replaceResources(Handle handle, String recordId, Collection<Resource> resources) {
        handle.createUpdate("DELETE FROM record_resources WHERE record_id = :id").bind("id", recordId).execute();
        insertResources(handle, recordId, resources);
    }

    public void updateResource(Handle handle, String recordId, Resource resource) {
        handle.createUpdate("""
                UPDATE record_resources SET content = :content WHERE record_id = :recordId AND resource_id = :id""")
                .bind("content", resource.content()).bind("recordId", recordId).bind("id", resource.id()).execute();
    }

    /**
     * Moves the record to its next state only if nobody changed it since {@code expectedVersion} was read; false
     * when someone else got there first (optimistic concurrency).
     */
    public boolean update(Handle handle, RecordSummary next, int expectedVersion) {
        return handle.createUpdate("""
                UPDATE records SET status = :status, office_id = :officeId, location_id = :locationId,
                    subject_name = :subjectName, event_date = :eventDate, registration_number = :registrationNumber,
                    registered_at = :registeredAt, version = :version, updated_at = :updatedAt
                WHERE id = :id AND version = :expected""")
                .bind("status", next.status().name()).bind("officeId", next.officeId())
                .bind("locationId", next.locationId()).bind("subjectName", subjectName(next))
                .bind("eventDate", next.eventDate().map(Date::valueOf).orElse(null))
                .bind("registrationNumber", next.registrationNumber().orElse(null))
                .bind("registeredAt", next.registeredAt().map(RecordStore::utc).orElse(null))
                .bind("version", next.version()).bind("updatedAt", utc(next.updatedAt()))
                .bind("id", next.id()).bind("expected", expectedVersion)
                .execute() == 1;
    }

    public Optional<RecordSummary> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM records WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> summary(rs)).findFirst();
    }

    public Optional<RecordSummary> findByTrackingId(Handle handle, String trackingId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM records WHERE tracking_id = :t").bind("t", trackingId)
                .map((rs, ctx) -> summary(rs)).findFirst();
    }

    public Optional<RecordSummary> findBySource(Handle handle, String submitterId, String sourceIdentifier) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM records WHERE submitter_id = :s AND source_identifier = :i")
                .bind("s", submitterId).bind("i", sourceIdentifier).map((rs, ctx) -> summary(rs)).findFirst();
    }

    public boolean trackingIdTaken(Handle handle, String trackingId) {
        return handle.createQuery("SELECT COUNT(*) FROM records WHERE tracking_id = :t").bind("t", trackingId)
                .mapTo(Integer.class).one() > 0;
    }

    public List<Resource> resources(Handle handle, String recordId) {
        return handle.createQuery("""
                SELECT resource_id, resource_type, position, content FROM record_resources
                WHERE record_id = :id ORDER BY position""")
                .bind("id", recordId)
                .map((rs, ctx) -> new Resource(rs.getString("resource_id"), rs.getString("resource_type"),
                        rs.getInt("position"), rs.getString("content")))
                .list();
    }

    /** An office's records in the given statuses, most recently changed first. */
    public List<RecordSummary> queue(Handle handle, String officeId, Collection<RecordStatus> statuses, int skip, int count) {
        return handle.createQuery("SELECT " + COLUMNS + """
                 FROM records WHERE office_id = :office AND status IN (<statuses>)
                ORDER BY updated_at DESC, id LIMIT :count OFFSET :skip""")
                .bind("office", officeId).bindList("statuses", statuses.stream().map(Enum::name).toList())
                .bind("count", count).bind("skip", skip)
                .map((rs, ctx) -> summary(rs)).list();
    }

    public int queueSize(Handle handle, String officeId, Collection<RecordStatus> statuses) {
        return handle.createQuery("SELECT COUNT(*) FROM records WHERE office_id = :office AND status IN (<statuses>)")
                .bind("office", officeId).bindList("statuses", statuses.stream().map(Enum::name).toList())
                .mapTo(Integer.class).one();
    }

    public int count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM records").mapTo(Integer.class).one();
    }

    private static RecordSummary summary(ResultSet rs) throws SQLException {
        var eventDate = rs.getDate("event_date");
        var registeredAt = rs.getObject("registered_at", OffsetDateTime.class);
        return new RecordSummary(rs.getString("id"), rs.getString("tracking_id"), EventType.valueOf(rs.getString("event")),
                RecordStatus.valueOf(rs.getString("status")), rs.getString("office_id"), rs.getString("location_id"),
                rs.getString("submitter_type"), rs.getString("submitter_id"),
                Optional.ofNullable(rs.getString("subject_name")),
                Optional.ofNullable(eventDate).map(Date::toLocalDate),
                Optional.ofNullable(rs.getString("registration_number")),
                Optional.ofNullable(registeredAt).map(OffsetDateTime::toInstant), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /**
     * The subject's name as the queues show it, cut to the column's 300 characters (the FHIR document keeps the
     * name as sent), never inside a surrogate pair.
     */
    private static String subjectName(RecordSummary record) {
        var name = record.subjectName().orElse(null);
        if (name == null || name.length() <= SUBJECT_NAME_MAX) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(SUBJECT_NAME_MAX - 1)) ? SUBJECT_NAME_MAX - 1 : SUBJECT_NAME_MAX;
        return name.substring(0, end);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
