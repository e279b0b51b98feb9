package io.crvs.auth;

import io.crvs.platform.problem.ValidationException;
import java.util.List;
import java.util.Set;

/**
 * OpenCRVS per-client settings (interop §3.2): the record-search daily quota and, for webhook clients, which
 * sections of a birth or death record each event may carry.
 */
public record ClientSettings(int dailyQuota, List<WebhookPermission> webhook) {
    /** What OpenCRVS stores when settings leave {@code dailyQuota} out: its Mongoose schema's default. */
    public static final int DEFAULT_DAILY_QUOTA = 0;
    /** What OpenCRVS gives a RECORD_SEARCH client created without settings ({@code RECORD_SEARCH_QUOTA}). */
    public static final int DEFAULT_RECORD_SEARCH_QUOTA = 2000;
    public static final Set<String> EVENTS = Set.of("birth", "death");
    public static final Set<String> BIRTH_SECTIONS = Set.of("child-details", "mother-details", "father-details",
            "informant-details", "supporting-documents");
    public static final Set<String> DEATH_SECTIONS = Set.of("deceased-details", "death-encounter",
            "informant-details", "supporting-documents");

    public ClientSettings {
        webhook = webhook == null ? List.of() : List.copyOf(webhook);
    }

    /**
     * Settings as a caller sends them (OpenCRVS's {@code SystemSettingsInput}): {@code dailyQuota} may be left out
     * (null) and then gets OpenCRVS's default; a webhook entry may not be null.
     */
    public static ClientSettings of(Integer dailyQuota, List<WebhookPermission> webhook) {
        var entries = webhook == null ? List.<WebhookPermission>of() : webhook;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null) {
                throw new ValidationException("settings.webhook[" + i + "]", "must be an object with an event");
            }
        }
        return new ClientSettings(dailyQuota == null ? DEFAULT_DAILY_QUOTA : dailyQuota, entries);
    }

    /** The sections one event may carry. */
    public record WebhookPermission(String event, List<String> permissions) {
        public WebhookPermission {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }
}
