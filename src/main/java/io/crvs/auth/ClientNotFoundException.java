package io.crvs.auth;

import io.crvs.platform.problem.NotFoundException;

/** No integration client has that id or client_id. */
public final class ClientNotFoundException extends NotFoundException {
    public ClientNotFoundException(String ref) {
        super("client_not_found", "No integration client with id or client_id '" + shorten(ref) + "'");
    }

    private static String shorten(String ref) {
        return ref.length() > 64 ? ref.substring(0, 64) + "…" : ref;
    }
}
