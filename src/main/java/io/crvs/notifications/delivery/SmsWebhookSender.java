package io.crvs.notifications.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * SMS through the country's gateway: {@code POST <url>} with JSON {@code {"to", "message"}} and, if configured,
 * {@code Authorization: Bearer <token>}. Any status other than 2xx is a failure to retry. Thread-safe.
 */
public final class SmsWebhookSender implements Sender {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI url;
    private final Optional<String> token;
    private final ObjectMapper json;

    public SmsWebhookSender(URI url, Optional<String> token, ObjectMapper json) {
        this.url = url;
        this.token = token;
        this.json = json;
    }

    @Override
    public void send(String recipient, String subject, String body) throws SendException {
        try {
            var payload = new LinkedHashMap<String, String>();
            payload.put("to", recipient);
            payload.put("message", body);
            var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload)));
            token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new SendException("SMS gateway answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new SendException("SMS gateway unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("Interrupted", e);
        }
    }
}
