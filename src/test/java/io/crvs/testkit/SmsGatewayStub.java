package io.crvs.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A country SMS gateway on loopback that records what crvs sends it ({@code POST /sms} with JSON {@code {to,
 * message}}), so tests can read invitations, temporary passwords and reminders as the user would. Point an app at
 * it with {@link #environment()}.
 */
public final class SmsGatewayStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One text message as the gateway received it. */
    public record Sms(String to, String message) {
    }

    private final HttpServer server;
    private final List<Sms> received = new CopyOnWriteArrayList<>();

    private SmsGatewayStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            try (exchange) {
                var body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                received.add(new Sms(body.path("to").asText(), body.path("message").asText()));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    public static SmsGatewayStub start() {
        return new SmsGatewayStub();
    }

    /** Staff notifications by SMS to this stub. */
    public Map<String, String> environment() {
        return Map.of("CRVS_USER_NOTIFICATION_CHANNEL", "sms",
                "CRVS_SMS_WEBHOOK_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    public List<Sms> to(String mobile) {
        return received.stream().filter(s -> s.to().equals(mobile)).toList();
    }

    /**
     * The first message to {@code mobile} that matches, waiting for the outbox to deliver it (delivery is
     * asynchronous; this is a wait for an event, not a timing assertion).
     */
    public Sms await(String mobile, Predicate<String> message) {
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var match = to(mobile).stream().filter(s -> message.test(s.message())).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            pause();
        }
        throw new AssertionError("No matching SMS to " + mobile + " within " + WAIT + "; received: " + to(mobile));
    }

    /** The first {@code count} messages to {@code mobile} that match, waiting for them as {@link #await} does. */
    public List<Sms> await(String mobile, Predicate<String> message, int count) {
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var matching = to(mobile).stream().filter(s -> message.test(s.message())).toList();
            if (matching.size() >= count) {
                return matching.subList(0, count);
            }
            pause();
        }
        throw new AssertionError("Fewer than " + count + " matching SMS to " + mobile + " within " + WAIT
                + "; received: " + to(mobile));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many messages {@code mobile} has received so far. */
    public int count(String mobile) {
        return to(mobile).size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
