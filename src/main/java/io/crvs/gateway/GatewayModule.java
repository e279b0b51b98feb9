package io.crvs.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.ClientRegistry;
import io.crvs.auth.TokenVerifier;
import io.crvs.gateway.graphql.GraphqlEndpoint;
import io.crvs.platform.http.Endpoint;
import io.crvs.users.UsersModule;
import java.util.List;

/** OpenCRVS's gateway GraphQL API ({@code POST /graphql}), for the operations crvs serves through it. */
public final class GatewayModule {
    private final List<Endpoint> endpoints;

    public GatewayModule(ClientRegistry clients, UsersModule users, TokenVerifier verifier, ObjectMapper json) {
        this.endpoints = List.of(new GraphqlEndpoint(clients, users, verifier, json));
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
