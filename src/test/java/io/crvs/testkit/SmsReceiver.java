package io.crvs.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A country SMS gateway stand-in: a real HTTP server on a free loopback port taking {@code POST /sms} with JSON
 * {@code {"to", "message"}}. It answers 200 unless told otherwise for a recipient ({@link #script},
 * {@link #failAlways}); only messages it answered 2xx count as received. Every attempt is kept.
 */
public final class SmsReceiver implements Inbox, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new HashMap<>();
    private final Set<String> failing = new HashSet<>();

    /** One request crvs made, with the status this receiver answered and the Authorization header it carried. */
    public record Attempt(String to, String message, int status, String authorization, String contentType) {
    }

    public SmsReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            try (exchange) {
                var body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                var to = body.path("to").asText();
                int status = statusFor(to, exchange.getRequestMethod());
                synchronized (this) {
                    attempts.add(new Attempt(to, body.path("message").asText(), status,
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Type")));
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    private synchronized int statusFor(String to, String method) {
        if (!"POST".equals(method)) {
            return 405;
        }
        if (failing.contains(to)) {
            return 500;
        }
        var script = scripts.get(to);
        return script == null || script.isEmpty() ? 200 : script.poll();
    }

    /** The next answers for {@code recipient}, in order; 200 once they are used up. */
    public synchronized void script(String recipient, int... statuses) {
        var queue = scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>());
        for (int status : statuses) {
            queue.add(status);
        }
    }

    /** Answers 500 to every message for {@code recipient} from now on. */
    public synchronized void failAlways(String recipient) {
        failing.add(recipient);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("CRVS_USER_NOTIFICATION_CHANNEL", "sms", "CRVS_SMS_WEBHOOK_URL", url());
    }

    public synchronized List<Attempt> attempts(String recipient) {
        return attempts.stream().filter(a -> a.to().equals(recipient)).toList();
    }

    @Override
    public synchronized List<Received> received(String recipient) {
        return attempts.stream().filter(a -> a.to().equals(recipient) && a.status() / 100 == 2)
                .map(a -> new Received(a.to(), "", a.message())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
