package io.crvs.records.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.ClientRegistry;
import io.crvs.auth.TokenVerifier;
import io.crvs.platform.http.Endpoint;
import io.crvs.records.usecase.RecordActions;
import io.crvs.records.usecase.RecordIntake;
import io.crvs.records.usecase.RecordReading;
import io.crvs.users.UsersModule;
import java.util.List;

/** Builds the records module's HTTP endpoints. */
public final class RecordsWeb {
    private RecordsWeb() {
    }

    public static List<Endpoint> endpoints(RecordIntake intake, RecordActions actions, RecordReading reading,
            TokenVerifier verifier, ClientRegistry clients, UsersModule users, ObjectMapper json) {
        var callers = new Callers(clients, users);
        return List.of(new NotificationEndpoint(intake, reading, verifier, callers, json),
                new RecordsEndpoint(intake, actions, reading, verifier, callers, json));
    }
}
