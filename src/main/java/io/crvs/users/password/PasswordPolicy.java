package io.crvs.users.password;

import io.crvs.platform.problem.ValidationException;

/** OpenCRVS's password rules: at least 12 characters, a digit, an upper-case and a lower-case letter. */
public final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** Throws a 400 naming {@code field} when {@code password} breaks a rule. */
    public static void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new ValidationException(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new ValidationException(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            throw new ValidationException(field, "must contain a digit");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            throw new ValidationException(field, "must contain an upper-case letter");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            throw new ValidationException(field, "must contain a lower-case letter");
        }
    }
}
