package io.crvs.users.seed;

import io.crvs.platform.crypto.RandomTokens;
import io.crvs.platform.csv.CsvRows;
import io.crvs.users.SystemRole;
import io.crvs.users.User;
import io.crvs.users.UserStatus;
import io.crvs.users.store.UserStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Loads Farajaland's development users ({@code default-employees.csv}): active, with password {@code test}, as
 * OpenCRVS seeds them for development and QA. Never used in production.
 */
public final class UserSeeder {
    private static final String OFFICE_PREFIX = "CRVS_OFFICE_";
    private final UserStore users;

    public UserSeeder(UserStore users) {
        this.users = users;
    }

    /** Inserts every row with {@code passwordHash} (all rows share the password {@code test}). */
    public int loadFarajaland(Handle handle, String passwordHash, Instant now) {
        return load(handle, CsvRows.classpath("/farajaland/default-employees.csv"), passwordHash, now);
    }

    int load(Handle handle, List<CsvRows.Row> rows, String passwordHash, Instant now) {
        for (var row : rows) {
            var office = row.get("primaryOfficeId");
            var role = SystemRole.parse(row.get("systemRole"))
                    .orElseThrow(() -> new IllegalArgumentException("line " + row.line() + ": unknown systemRole"));
            var user = new User(RandomTokens.objectId(now.getEpochSecond()), row.get("username"),
                    Arrays.asList(row.get("givenNames").split("\\s+")), row.get("familyName"), role, row.get("role"),
                    office.startsWith(OFFICE_PREFIX) ? office.substring(OFFICE_PREFIX.length()) : office,
                    Optional.of(row.get("mobile")).filter(s -> !s.isBlank()),
                    Optional.of(row.get("email")).filter(s -> !s.isBlank()), Optional.empty(), "en", UserStatus.ACTIVE,
                    Optional.empty(), false, 0, "seed", now, now);
            users.insert(handle, user, passwordHash);
        }
        return rows.size();
    }
}
