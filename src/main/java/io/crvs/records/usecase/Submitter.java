package io.crvs.records.usecase;

import io.crvs.platform.audit.Actor;
import io.crvs.records.Staff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Who acted, for a record's audit entries: role and office of staff, name and type of a client. */
    public Map<String, Object> auditFacts() {
        var facts = new LinkedHashMap<String, Object>();
        staff.ifPresent(s -> {
            facts.put("actor_role", s.role());
            facts.put("actor_office", s.officeId());
        });
        clientName.ifPresent(name -> facts.put("actor_client", name));
        clientType.ifPresent(type -> facts.put("actor_client_type", type));
        return facts;
    }
}
