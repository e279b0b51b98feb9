package io.crvs.platform.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers before a request reaches a route (URI or headers too long, unparsable request line)
 * come out as problem details like everything else, readable as an OAuth error too, instead of Jetty's HTML page;
 * never with a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers(fields);
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        headers(response.getHeaders());
        response.write(true, ByteBuffer.wrap(body(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static void headers(HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.PRAGMA, "no-cache");
    }

    /**
     * Problem details that are also an RFC 6749 error. Jetty answers before any route is known (for a URI too
     * long it replaces the target by {@code /badMessage}), so it cannot be told whether {@code /token} was asked
     * for: {@code error} carries the OAuth code that such a client reads, where other routes' problems carry
     * hapi's HTTP title. No Boom reader depends on it here: Node answers these requests with no body at all.
     */
    private static String body(int status) {
        var title = HttpStatus.getMessage(status);
        var code = switch (status) {
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 413 -> "payload_too_large";
            default -> "http_" + status;
        };
        var oauthError = status >= 500 ? "server_error" : "invalid_request";
        // Fixed text only: the reason Jetty gives may echo parts of the request.
        return "{\"type\":\"urn:crvs:problem:" + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + title + "\",\"code\":\"" + code + "\",\"statusCode\":" + status
                + ",\"error\":\"" + oauthError + "\",\"error_description\":\"" + title + "\",\"message\":\""
                + title + "\"}";
    }
}
