package io.crvs.records.web;

import io.crvs.auth.Caller;
import io.crvs.auth.ClientRegistry;
import io.crvs.platform.http.Requests;
import io.crvs.platform.problem.ForbiddenException;
import io.crvs.records.Staff;
import io.crvs.records.usecase.Submitter;
import io.crvs.users.SystemRole;
import io.crvs.users.UsersModule;
import io.javalin.http.Context;
import java.util.Optional;

/** Turns an authenticated caller into the submitter records code works with: a client, or staff with an office. */
final class Callers {
    private final ClientRegistry clients;
    private final UsersModule users;

    Callers(ClientRegistry clients, UsersModule users) {
        this.clients = clients;
        this.users = users;
    }

    Submitter submitter(Caller caller, Context ctx) {
        var actor = Requests.actor(ctx).as(caller.actorType(), caller.subject());
        if (caller.kind() == Caller.Kind.CLIENT) {
            var client = caller.clientId().flatMap(clients::find);
            return new Submitter("client", caller.subject(), caller.scopes(), Optional.empty(),
                    client.map(c -> c.name()), client.map(c -> c.type().name()), actor);
        }
        var user = users.find(caller.subject())
                .orElseThrow(() -> new ForbiddenException("not_a_user", "Unknown user"));
        boolean national = user.systemRole() == SystemRole.NATIONAL_REGISTRAR
                || user.systemRole() == SystemRole.NATIONAL_SYSTEM_ADMIN;
        var staff = new Staff(user.id(), user.fullName(), user.systemRole().name(), user.primaryOfficeId(),
                caller.scopes(), national);
        return new Submitter("user", user.id(), caller.scopes(), Optional.of(staff), Optional.empty(), Optional.empty(), actor);
    }
}
