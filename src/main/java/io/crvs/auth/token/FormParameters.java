package io.crvs.auth.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} parsing (query strings and form bodies): every occurrence of a
 * name is kept, in order, so that duplicates can be judged; malformed percent-escapes are an error, not guessed at.
 */
public final class FormParameters {
    private FormParameters() {
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} on a malformed escape. */
    public static Map<String, List<String>> parse(String text) {
        var result = new LinkedHashMap<String, List<String>>();
        if (text == null || text.isEmpty()) {
            return result;
        }
        for (var pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            var name = decode(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** Decodes one form-encoded component: {@code +} is a space, {@code %XX} a UTF-8 byte. */
    public static String decode(String component) {
        return URLDecoder.decode(component, StandardCharsets.UTF_8);
    }
}
