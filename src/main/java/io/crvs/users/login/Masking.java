package io.crvs.users.login;

/** Shows enough of a phone number or email address for a person to recognise it, and no more. */
final class Masking {
    private Masking() {
    }

    /** {@code 0911111111} → {@code *******111}. */
    static String mobile(String mobile) {
        int keep = Math.min(3, mobile.length());
        return "*".repeat(mobile.length() - keep) + mobile.substring(mobile.length() - keep);
    }

    /** {@code kalusha@gmail.com} → {@code k******@gmail.com}. */
    static String email(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "*".repeat(email.length());
        }
        return email.charAt(0) + "*".repeat(at - 1) + email.substring(at);
    }
}
