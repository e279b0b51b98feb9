package io.crvs.users.admin;

import io.crvs.platform.csv.CsvRows;
import io.crvs.users.SystemRole;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The country's user types (titles) per system role, from {@code roles.csv} (systemRole, label_en, label_fr). */
public final class RoleTitles {
    private final Map<SystemRole, List<String>> titles;

    private RoleTitles(Map<SystemRole, List<String>> titles) {
        this.titles = titles;
    }

    public static RoleTitles farajaland() {
        var titles = new EnumMap<SystemRole, List<String>>(SystemRole.class);
        for (var row : CsvRows.classpath("/farajaland/roles.csv")) {
            var role = SystemRole.parse(row.get("systemRole"))
                    .orElseThrow(() -> new IllegalStateException("roles.csv line " + row.line() + ": unknown system role"));
            titles.computeIfAbsent(role, r -> new ArrayList<>()).add(row.get("label_en"));
        }
        return new RoleTitles(titles);
    }

    /** The title as the country spells it, if {@code title} (any case) is one of {@code role}'s. */
    public Optional<String> find(SystemRole role, String title) {
        return titles.getOrDefault(role, List.of()).stream().filter(t -> t.equalsIgnoreCase(title.strip())).findFirst();
    }

    public String defaultTitle(SystemRole role) {
        var list = titles.getOrDefault(role, List.of());
        return list.isEmpty() ? role.name() : list.getFirst();
    }

    public List<String> titles(SystemRole role) {
        return titles.getOrDefault(role, List.of());
    }
}
