package io.crvs.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.problem.BadRequestException;
import io.crvs.platform.problem.PayloadTooLargeException;
import io.crvs.platform.problem.UnsupportedMediaTypeException;
import io.crvs.platform.problem.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reading requests: who is calling from where, and JSON bodies turned into records with precise errors. */
public final class Requests {
    static final String REQUEST_ID = "crvs.requestId";
    static final String CLIENT_IP = "crvs.clientIp";
    /** A structured-syntax media type with the JSON suffix (RFC 6839 §3.1), e.g. application/fhir+json. */
    private static final Pattern JSON_SUFFIX = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+\\+json");

    private Requests() {
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "-" : id;
    }

    public static String clientIp(Context ctx) {
        String ip = ctx.attribute(CLIENT_IP);
        return ip == null ? ctx.ip() : ip;
    }

    /** Every value of a request header, in the order sent (a header sent twice has two). */
    public static List<String> headerValues(Context ctx, String name) {
        return Collections.list(ctx.req().getHeaders(name));
    }

    /** The anonymous actor of this request, for audit entries before (or without) authentication. */
    public static Actor actor(Context ctx) {
        return Actor.anonymous(clientIp(ctx), ctx.userAgent(), requestId(ctx));
    }

    /**
     * The request body. One over the size limit is a {@link PayloadTooLargeException}, which routes with their own
     * error format (OAuth, audited routes) can tell apart from a failure of the framework.
     */
    public static byte[] body(Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                throw new PayloadTooLargeException();
            }
            throw e;
        }
    }

    /** Parses a JSON body into {@code type}; a wrong content type is 415, anything unparsable a precise 400. */
    public static <T> T json(Context ctx, ObjectMapper mapper, Class<T> type) {
        requireJson(ctx);
        var body = body(ctx);
        if (body.length == 0) {
            throw new BadRequestException("empty_body", "A JSON body is required");
        }
        T value;
        // One JSON value and nothing after it: trailing data makes the body malformed, not a wrongly typed value.
        try (var parser = mapper.createParser(body)) {
            value = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
            if (parser.nextToken() != null) {
                var location = parser.currentTokenLocation();
                throw new BadRequestException("malformed_json", "The body is not valid JSON: data follows the value"
                        + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
            }
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationException(path(e), "is not a known field");
        } catch (MismatchedInputException e) {
            var field = path(e);
            throw new ValidationException(field.isEmpty() ? "(body)" : field, problem(e, field));
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new BadRequestException("malformed_json", "The body is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column "
                    + location.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new BadRequestException("malformed_json", "The body could not be read");
        }
        // The JSON literal null binds to no object at all: callers must never see it.
        if (value == null) {
            throw new ValidationException("(body)", "must be a JSON object");
        }
        return value;
    }

    /** For a route whose body is optional: no body at all is empty; a body there must be what {@link #json} accepts. */
    public static <T> Optional<T> optionalJson(Context ctx, ObjectMapper mapper, Class<T> type) {
        if (body(ctx).length == 0) {
            return Optional.empty();
        }
        return Optional.of(json(ctx, mapper, type));
    }

    /**
     * For a route that takes no fields: no body, or an empty JSON object. Anything else gets the answer a bad body
     * gets on every other route (400, 413, 415), so a garbled request is refused before anything happens.
     */
    public static void noFields(Context ctx, ObjectMapper mapper) {
        optionalJson(ctx, mapper, NoFields.class);
    }

    record NoFields() {
    }

    /** A whole-number query parameter within {@code [min, max]}, {@code fallback} when absent; else a 400 naming it. */
    public static int intQueryParam(Context ctx, String name, int fallback, int min, int max) {
        var raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new ValidationException(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    public static void requireJson(Context ctx) {
        var type = ctx.contentType();
        if (type == null || !mediaType(type).equals("application/json")) {
            throw new UnsupportedMediaTypeException("Send the body as application/json");
        }
    }

    /**
     * True when a body of this Content-Type is JSON: {@code application/json} or any {@code <type>/<subtype>+json}
     * (such as {@code application/fhir+json}), in any case and with any parameters ({@code ; charset=utf-8}).
     */
    public static boolean isJson(String contentType) {
        var media = mediaType(contentType);
        return media.equals("application/json") || JSON_SUFFIX.matcher(media).matches();
    }

    /**
     * True when the body is to be read as JSON: a JSON Content-Type ({@link #isJson}) or none at all, which hapi
     * (OpenCRVS's server) reads as JSON too. For routes OpenCRVS clients already call without the header.
     */
    public static boolean readsAsJson(Context ctx) {
        var type = ctx.contentType();
        return type == null || type.isBlank() || isJson(type);
    }

    /** The detail of a 415 for a body that is not JSON: what was sent and what is accepted. */
    public static String notJson(Context ctx) {
        var type = ctx.contentType();
        var sent = type == null || type.isBlank() ? "No Content-Type" : "Content-Type " + abbreviate(mediaType(type));
        return sent + " is not JSON; send application/json, application/fhir+json or another */*+json type"
                + " (parameters such as ; charset=utf-8 are fine)";
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    /** The media type without parameters, lower case: {@code application/json; charset=utf-8} → {@code application/json}. */
    public static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        var bare = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return bare.trim().toLowerCase(Locale.ROOT);
    }

    private static String problem(MismatchedInputException e, String field) {
        if (field.isEmpty()) {
            return "must be a JSON object";
        }
        var type = e.getTargetType();
        if (type == String.class) {
            return "must be a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        return e instanceof InvalidFormatException ? "has an invalid value" : "has the wrong type or is missing";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
