package io.crvs.integrations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.ClientRegistry;
import io.crvs.auth.TokenVerifier;
import io.crvs.integrations.web.IntegrationsEndpoint;
import io.crvs.platform.http.Endpoint;
import java.util.List;

/** Administration of integration clients over HTTP (OpenCRVS "Create a client", "Reveal keys" and friends). */
public final class IntegrationsModule {
    private final List<Endpoint> endpoints;

    public IntegrationsModule(ClientRegistry clients, TokenVerifier verifier, ObjectMapper json) {
        this.endpoints = List.of(new IntegrationsEndpoint(clients, verifier, json));
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
