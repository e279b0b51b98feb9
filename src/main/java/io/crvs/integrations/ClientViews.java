package io.crvs.integrations;

import io.crvs.auth.ClientKeys;
import io.crvs.auth.IntegrationClient;
import io.crvs.auth.IssuedClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of integration clients, shared by the HTTP API and the command line so both print the same
 * fields in the same order. Secrets appear only in {@link #issued} (creation, refresh) and {@link #keys} (reveal).
 */
public final class ClientViews {
    private ClientViews() {
    }

    public static Map<String, Object> client(IntegrationClient client) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", client.id());
        view.put("client_id", client.clientId());
        describe(view, client);
        return view;
    }

    /** Creation and refresh: the secret (and, on creation, the webhook signing key) shown this once. */
    public static Map<String, Object> issued(IssuedClient issued) {
        var client = issued.client();
        var view = new LinkedHashMap<String, Object>();
        view.put("id", client.id());
        view.put("client_id", client.clientId());
        view.put("client_secret", issued.clientSecret());
        issued.shaSecret().ifPresent(sha -> view.put("sha_secret", sha));
        describe(view, client);
        return view;
    }

    public static Map<String, Object> keys(ClientKeys keys) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", keys.id());
        view.put("client_id", keys.clientId());
        view.put("sha_secret", keys.shaSecret());
        return view;
    }

    private static void describe(Map<String, Object> view, IntegrationClient client) {
        view.put("type", client.type().name());
        view.put("name", client.name());
        view.put("scope", client.scope());
        view.put("status", client.status().wireName());
        client.integratingSystemType().ifPresent(t -> view.put("integrating_system_type", t));
        client.settings().ifPresent(s -> view.put("settings", s));
        view.put("created_by", client.createdBy());
        view.put("created_at", client.createdAt().toString());
        view.put("updated_at", client.updatedAt().toString());
    }
}
