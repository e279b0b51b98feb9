package io.crvs.records.usecase;

import io.crvs.platform.audit.Actor;
import io.crvs.records.Staff;
import java.util.List;
import java.util.Optional;

/**
 * Who is sending or acting on a record: an integration client (a hospital system) or a member of staff, with the
 * audit actor of the request.
 *
 * @param clientName for clients, the client's name (history and OpenCRVS's system_identifier)
 * @param clientType for clients, its type (HEALTH …)
 */
public record Submitter(String type, String id, List<String> scopes, Optional<Staff> staff, Optional<String> clientName,
        Optional<String> clientType, Actor actor) {

    public Submitter {
        scopes = List.copyOf(scopes);
    }

    public boolean isClient() {
        return staff.isEmpty();
    }

    public String name() {
        return staff.map(Staff::name).or(() -> clientName).orElse(id);
    }

    public Optional<String> role() {
        return staff.map(Staff::role).or(() -> clientType);
    }

    public Optional<String> officeId() {
        return staff.map(Staff::officeId);
    }
}
