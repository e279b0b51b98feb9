package io.crvs.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crvs.platform.http.Json;
import java.util.LinkedHashMap;

/** One compact JSON document per line on stdout, so scripts can parse what commands print. */
final class Output {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Json.mapper();

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
        var body = new LinkedHashMap<String, Object>();
        body.put("error", code);
        body.put("message", message);
        return json(body);
    }
}
