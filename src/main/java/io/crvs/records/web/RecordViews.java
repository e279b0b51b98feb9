package io.crvs.records.web;

import io.crvs.records.HistoryEntry;
import io.crvs.records.RecordSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON shapes of records for the staff REST API. */
final class RecordViews {
    private RecordViews() {
    }

    static Map<String, Object> summary(RecordSummary record) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", record.id());
        view.put("trackingId", record.trackingId());
        view.put("event", record.event().name());
        view.put("status", record.status().name());
        view.put("officeId", record.officeId());
        view.put("locationId", record.locationId());
        record.subjectName().ifPresent(n -> view.put("name", n));
        record.eventDate().ifPresent(d -> view.put("eventDate", d.toString()));
        record.registrationNumber().ifPresent(n -> view.put("registrationNumber", n));
        record.registeredAt().ifPresent(t -> view.put("registeredAt", t.toString()));
        view.put("version", record.version());
        view.put("createdAt", record.createdAt().toString());
        view.put("updatedAt", record.updatedAt().toString());
        return view;
    }

    static Map<String, Object> history(HistoryEntry entry) {
        var view = new LinkedHashMap<String, Object>();
        view.put("action", entry.action());
        view.put("status", entry.status().name());
        view.put("actorType", entry.actorType());
        view.put("actorId", entry.actorId());
        entry.actorName().ifPresent(v -> view.put("actorName", v));
        entry.actorRole().ifPresent(v -> view.put("actorRole", v));
        entry.officeId().ifPresent(v -> view.put("officeId", v));
        entry.ip().ifPresent(v -> view.put("ip", v));
        entry.userAgent().ifPresent(v -> view.put("userAgent", v));
        entry.reason().ifPresent(v -> view.put("reason", v));
        entry.comment().ifPresent(v -> view.put("comment", v));
        entry.details().ifPresent(v -> view.put("details", v));
        view.put("occurredAt", entry.occurredAt().toString());
        return view;
    }
}
