package io.crvs.platform.http;

import io.crvs.platform.crypto.RandomTokens;
import io.crvs.platform.fhir.FhirProblem;
import io.crvs.platform.problem.ProblemException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles Javalin (Jetty 12, one virtual thread per request) with the cross-cutting parts every route shares:
 * request ids, the caller's address, security headers, one error mapper, an access log that never contains a
 * query string, and per-route latency metrics.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("crvs.access");
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Javalin javalin;

    public HttpServer(HttpSettings settings, List<Endpoint> endpoints, Problems problems, MeterRegistry metrics) {
        var clientAddress = new ClientAddress(settings.trustedProxies());
        this.javalin = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.jetty.host = settings.host();
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            config.routes.before(ctx -> prepare(ctx, clientAddress));
            endpoints.forEach(endpoint -> endpoint.register(config.routes));
            config.routes.exception(ProblemException.class, (e, ctx) -> problems.write(ctx, e));
            config.routes.exception(FhirProblem.class, (e, ctx) -> problems.writeFhir(ctx, e));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> frameworkError(ctx, e, problems));
            config.routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e, problems));
            config.requestLogger.http((ctx, millis) -> logAndMeasure(ctx, millis, metrics));
        });
        javalin.start(settings.port());
    }

    public int port() {
        return javalin.port();
    }

    /** Every HTTP route registered, with Javalin's path syntax ({@code /users/{id}}); filters are not routes. */
    public List<Route> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(handler -> handler.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
                .distinct()
                .toList();
    }

    /** One registered route: an HTTP method and a path template. */
    public record Route(String method, String path) {
    }

    private static void prepare(Context ctx, ClientAddress clientAddress) {
        var incoming = ctx.header("X-Request-Id");
        var requestId = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()
                ? incoming : RandomTokens.base64url(12);
        ctx.attribute(Requests.REQUEST_ID, requestId);
        ctx.attribute(Requests.CLIENT_IP, clientAddress.resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
        ctx.header("X-Request-Id", requestId);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    private static void frameworkError(Context ctx, HttpResponseException e, Problems problems) {
        var status = e.getStatus();
        var code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> "http_" + status;
        };
        var detail = switch (status) {
            case 404 -> "No route " + ctx.method() + " " + ctx.path();
            case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "The request body is too large";
            default -> e.getMessage();
        };
        var allowed = e.getDetails().get("availableMethods");
        if (status == 405 && allowed != null) {
            ctx.header("Allow", allowed.replace("[", "").replace("]", ""));
        }
        problems.write(ctx, status, code, detail, List.of());
    }

    private static void unexpected(Context ctx, Exception e, Problems problems) {
        LOG.atError().setCause(e).addKeyValue("request_id", Requests.requestId(ctx))
                .log("Unexpected error on {} {}", ctx.method(), ctx.path());
        problems.write(ctx, 500, "internal_error",
                "An unexpected error occurred; quote request id " + Requests.requestId(ctx) + " to the operator",
                List.of());
    }

    private static void logAndMeasure(Context ctx, Float millis, MeterRegistry metrics) {
        var route = route(ctx);
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().toString())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram(false)
                .register(metrics)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        // Path only: query strings may hold credentials (OpenCRVS's /token form) and are never logged.
        ACCESS.atInfo()
                .addKeyValue("method", ctx.method().toString())
                .addKeyValue("path", ctx.path())
                .addKeyValue("route", route)
                .addKeyValue("status", ctx.statusCode())
                .addKeyValue("ms", Math.round(millis * 10) / 10.0)
                .addKeyValue("ip", Requests.clientIp(ctx))
                .addKeyValue("request_id", Requests.requestId(ctx))
                .log("request");
    }

    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
