package io.crvs.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of an outbox entry, shared by the HTTP API and the command line. */
public final class OutboxViews {
    private OutboxViews() {
    }

    public static Map<String, Object> entry(OutboxEntry entry) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", entry.id());
        view.put("template", entry.template());
        view.put("language", entry.language());
        view.put("channel", entry.channel());
        view.put("recipient", entry.recipient());
        entry.subjectId().ifPresent(s -> view.put("subjectId", s));
        view.put("status", entry.status());
        view.put("attempts", entry.attempts());
        entry.lastError().ifPresent(e -> view.put("lastError", e));
        view.put("createdAt", entry.createdAt().toString());
        entry.sentAt().ifPresent(t -> view.put("sentAt", t.toString()));
        return view;
    }
}
