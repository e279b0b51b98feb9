package io.crvs.integrations.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crvs.auth.ClientSettings;
import java.util.List;

/**
 * Body of {@code POST /integrations}. Only these fields are accepted (ids, scope, status and secrets are the
 * server's to decide; unknown fields are refused). Both OpenCRVS's camelCase and snake_case are read for the
 * integrating system type.
 */
record CreateClientRequest(String type, String name, String integratingSystemType,
        @JsonProperty("integrating_system_type") String integratingSystemTypeSnake, Settings settings) {

    /** OpenCRVS's {@code SystemSettingsInput}, where {@code dailyQuota} is optional (absent or null). */
    record Settings(Integer dailyQuota, List<ClientSettings.WebhookPermission> webhook) {
        ClientSettings settings() {
            return ClientSettings.of(dailyQuota, webhook);
        }
    }
}
