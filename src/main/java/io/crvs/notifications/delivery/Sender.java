package io.crvs.notifications.delivery;

/** Hands one rendered message to a delivery channel. Throws on any failure so the relay can retry. */
public interface Sender {
    void send(String recipient, String subject, String body) throws SendException;

    /** A delivery that did not happen; the message is safe to store (no message body, no secret). */
    final class SendException extends Exception {
        public SendException(String message) {
            super(message);
        }

        public SendException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
