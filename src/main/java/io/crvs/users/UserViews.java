package io.crvs.users;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a user, shared by the HTTP API and the command line. Never credentials. */
public final class UserViews {
    private UserViews() {
    }

    public static Map<String, Object> user(User user) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", user.id());
        view.put("username", user.username());
        view.put("name", user.fullName());
        view.put("givenNames", user.givenNames());
        view.put("familyName", user.familyName());
        view.put("systemRole", user.systemRole().name());
        view.put("role", user.roleTitle());
        view.put("primaryOfficeId", user.primaryOfficeId());
        user.mobile().ifPresent(m -> view.put("mobile", m));
        user.email().ifPresent(e -> view.put("email", e));
        user.nationalId().ifPresent(n -> view.put("nationalId", n));
        view.put("language", user.language());
        view.put("status", user.status().wireName());
        user.statusReason().ifPresent(r -> view.put("statusReason", r));
        view.put("scope", user.scopes());
        view.put("twoFactorMethod", user.totpEnabled() ? "totp" : "code");
        view.put("createdBy", user.createdBy());
        view.put("createdAt", user.createdAt().toString());
        view.put("updatedAt", user.updatedAt().toString());
        return view;
    }
}
