package io.crvs.auth.client;

import io.crvs.auth.ClientSettings;
import io.crvs.auth.ClientType;
import io.crvs.auth.NewClient;
import io.crvs.platform.problem.ProblemException.FieldError;
import io.crvs.platform.problem.ValidationException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Validation and defaults for new clients, in plain Java. */
final class ClientRules {
    static final int MAX_NAME = 100;
    private static final Set<String> INTEGRATING_SYSTEM_TYPES = Set.of("MOSIP", "OTHER");

    private ClientRules() {
    }

    /** Checks {@code request} and returns it with its name trimmed and its settings defaulted for its type. */
    static NewClient normalise(NewClient request) {
        var errors = new ArrayList<FieldError>();
        var name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        } else if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            // Half of a UTF-16 surrogate pair on its own (a JSON escape can send one): no character, not UTF-8.
            errors.add(new FieldError("name", "must be valid Unicode text (a lone surrogate is not)"));
        }
        var systemType = integratingSystemType(request, errors);
        var settings = request.settings().map(s -> checkSettings(s, errors));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new NewClient(request.type(), name, systemType, defaults(request.type(), settings));
    }

    /** Names are unique ignoring case, Unicode compatibility forms and runs of spaces. */
    static String nameKey(String name) {
        var folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.strip().replaceAll("\\s+", " ");
    }

    private static Optional<String> integratingSystemType(NewClient request, List<FieldError> errors) {
        if (request.type() != ClientType.NATIONAL_ID) {
            // OpenCRVS accepts the field on every type and uses it only for NATIONAL_ID: ignore it elsewhere.
            return Optional.empty();
        }
        var value = request.integratingSystemType().map(v -> v.strip().toUpperCase(Locale.ROOT));
        if (value.isPresent() && !INTEGRATING_SYSTEM_TYPES.contains(value.get())) {
            errors.add(new FieldError("integratingSystemType", "must be MOSIP or OTHER"));
        }
        return value;
    }

    /** Checks new webhook permissions for an existing client; a 400 naming each bad entry. */
    static ClientSettings checkPermissions(ClientSettings settings) {
        var errors = new ArrayList<FieldError>();
        checkSettings(settings, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return settings;
    }

    private static ClientSettings checkSettings(ClientSettings settings, List<FieldError> errors) {
        if (settings.dailyQuota() < 0 || settings.dailyQuota() > 10_000_000) {
            errors.add(new FieldError("settings.dailyQuota", "must be between 0 and 10000000"));
        }
        var events = new HashSet<String>();
        for (int i = 0; i < settings.webhook().size(); i++) {
            var entry = settings.webhook().get(i);
            var field = "settings.webhook[" + i + "]";
            if (entry.event() == null || !ClientSettings.EVENTS.contains(entry.event())) {
                errors.add(new FieldError(field + ".event", "must be birth or death"));
                continue;
            }
            if (!events.add(entry.event())) {
                errors.add(new FieldError(field + ".event", "appears twice"));
            }
            var allowed = "birth".equals(entry.event()) ? ClientSettings.BIRTH_SECTIONS : ClientSettings.DEATH_SECTIONS;
            for (var permission : entry.permissions()) {
                if (!allowed.contains(permission)) {
                    errors.add(new FieldError(field + ".permissions", "'" + permission + "' is not a " + entry.event()
                            + " section; use " + new TreeSet<>(allowed)));
                }
            }
        }
        return settings;
    }

    /** OpenCRVS keeps settings only for RECORD_SEARCH (default quota) and WEBHOOK (default: no sections). */
    private static Optional<ClientSettings> defaults(ClientType type, Optional<ClientSettings> settings) {
        return switch (type) {
            case RECORD_SEARCH -> Optional.of(settings.orElse(
                    new ClientSettings(ClientSettings.DEFAULT_RECORD_SEARCH_QUOTA, List.of())));
            case WEBHOOK -> Optional.of(settings.orElse(
                    new ClientSettings(ClientSettings.DEFAULT_DAILY_QUOTA, List.of())));
            case HEALTH, NATIONAL_ID -> Optional.empty();
        };
    }
}
