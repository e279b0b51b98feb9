package io.crvs.users.login;

/** Shows enough of a phone number or email address for a person to recognise it, and never the whole of it. */
final class Masking {
    private Masking() {
    }

    /** {@code 0911111111} → {@code *******111}: the last three digits at most, and less than half of a short number. */
    static String mobile(String mobile) {
        int keep = Math.min(3, (mobile.length() - 1) / 2);
        return "*".repeat(mobile.length() - keep) + mobile.substring(mobile.length() - keep);
    }

    /** {@code kalusha@gmail.com} → {@code k******@gmail.com}; a one-character local part is hidden: {@code *@x.io}. */
    static String email(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "*".repeat(email.length());
        }
        int shown = at > 1 ? 1 : 0;
        return email.substring(0, shown) + "*".repeat(at - shown) + email.substring(at);
    }
}
