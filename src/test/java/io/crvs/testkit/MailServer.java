package io.crvs.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A real SMTP server (GreenMail) on a free loopback port that keeps every message crvs sends to it. */
public final class MailServer implements Inbox, AutoCloseable {
    public static final String FROM = "crvs@test.local";
    private final GreenMail greenMail;

    public MailServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("CRVS_SMTP_HOST", "127.0.0.1", "CRVS_SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort()),
                "CRVS_SMTP_SECURITY", "none", "CRVS_SMTP_FROM", FROM);
    }

    @Override
    public List<Received> received(String recipient) {
        var wanted = recipient.toLowerCase(Locale.ROOT);
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::received)
                .filter(m -> m.to().equalsIgnoreCase(wanted)).toList();
    }

    private static Received received(jakarta.mail.internet.MimeMessage message) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            return new Received(to, message.getSubject(), GreenMailUtil.getBody(message).strip());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sender address of every message received so far. */
    public List<String> senders() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
            try {
                return m.getFrom()[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
