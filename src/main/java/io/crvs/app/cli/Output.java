package io.crvs.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.platform.http.Json;
import io.crvs.platform.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;

/** One compact JSON document per line on stdout, so scripts can parse what commands print. */
final class Output {
    private static final ObjectMapper JSON = Json.mapper();

    private Output() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String error(String code, String message) {
        return error(code, message, List.of());
    }

    /** An error line; {@code errors} (each problem and where it is, e.g. a file and line) only when there are any. */
    static String error(String code, String message, List<ProblemException.FieldError> errors) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", code);
        body.put("message", message);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> {
                var error = new LinkedHashMap<String, String>();
                error.put("at", e.field());
                error.put("message", e.message());
                return error;
            }).toList());
        }
        return json(body);
    }
}
