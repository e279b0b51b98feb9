package io.crvs.auth;

import java.util.List;
import java.util.Set;

/**
 * OpenCRVS per-client settings (interop §3.2): the record-search daily quota and, for webhook clients, which
 * sections of a birth or death record each event may carry.
 */
public record ClientSettings(int dailyQuota, List<WebhookPermission> webhook) {
    public static final int DEFAULT_RECORD_SEARCH_QUOTA = 2000;
    public static final Set<String> EVENTS = Set.of("birth", "death");
    public static final Set<String> BIRTH_SECTIONS = Set.of("child-details", "mother-details", "father-details",
            "informant-details", "supporting-documents");
    public static final Set<String> DEATH_SECTIONS = Set.of("deceased-details", "death-encounter",
            "informant-details", "supporting-documents");

    public ClientSettings {
        webhook = webhook == null ? List.of() : List.copyOf(webhook);
    }

    /** The sections one event may carry. */
    public record WebhookPermission(String event, List<String> permissions) {
        public WebhookPermission {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }
}
