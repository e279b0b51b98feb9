package io.crvs.notifications;

import java.util.Optional;

/** SMTP settings; {@code security} is {@code starttls}, {@code ssl} or {@code none}. {@code toString} hides the password. */
public record SmtpSettings(String host, int port, String security, Optional<String> user, String password, String from) {
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security + "]";
    }
}
