package io.crvs.users;

import java.util.regex.Pattern;

/**
 * Settings of the users module.
 *
 * @param passwordMemoryKib Argon2id memory cost
 * @param passwordIterations Argon2id passes
 * @param phonePattern the country's mobile number format (Farajaland: {@code ^0(7|9)[0-9]{8}$})
 * @param seedTestUsers load Farajaland's development users into an empty database (never in production)
 * @param applicationName shown in notifications and as the TOTP issuer
 */
public record UsersConfig(LoginConfig login, int passwordMemoryKib, int passwordIterations, Pattern phonePattern,
        boolean seedTestUsers, String applicationName) {
}
