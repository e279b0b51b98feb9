package io.crvs.notifications.delivery;

import io.crvs.notifications.SmtpSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Email through an SMTP server (Jakarta Mail / Eclipse Angus). Thread-safe. */
public final class SmtpSender implements Sender {
    private final Session session;
    private final SmtpSettings settings;

    public SmtpSender(SmtpSettings settings) {
        this.settings = settings;
        var props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        switch (settings.security()) {
            case "starttls" -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            case "ssl" -> props.put("mail.smtp.ssl.enable", "true");
            default -> { }
        }
        settings.user().ifPresent(user -> props.put("mail.smtp.auth", "true"));
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(String recipient, String subject, String body) throws SendException {
        try {
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            if (settings.user().isPresent()) {
                Transport.send(message, settings.user().get(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new SendException("SMTP delivery failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
