package io.crvs.notifications.delivery;

import io.crvs.platform.csv.CsvRows;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message texts from the country's {@code notification.csv} (columns id, description, en, fr), with
 * {@code {{placeholder}}} substitution. Unknown languages fall back to English.
 */
public final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final Map<String, String> SUBJECTS = Map.of(
            "authenticationCodeNotification", "Your authentication code",
            "userCredentialsNotification", "Your account has been created",
            "resetUserPasswordNotification", "Your password has been reset",
            "retieveUserNameNotification", "Your username",
            "updateUserNameNotification", "Your username has been updated");

    private final Map<String, Map<String, String>> texts;

    private Templates(Map<String, Map<String, String>> texts) {
        this.texts = texts;
    }

    public static Templates farajaland() {
        var texts = new HashMap<String, Map<String, String>>();
        for (var row : CsvRows.classpath("/farajaland/notification.csv")) {
            texts.put(row.get("id"), Map.of("en", row.get("en"), "fr", row.get("fr")));
        }
        return new Templates(Map.copyOf(texts));
    }

    public boolean has(String template) {
        return texts.containsKey(template);
    }

    public String render(String template, String language, Map<String, String> variables) {
        var byLanguage = Optional.ofNullable(texts.get(template))
                .orElseThrow(() -> new IllegalArgumentException("Unknown notification template " + template));
        var text = byLanguage.getOrDefault(language, byLanguage.get("en"));
        var matcher = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public String subject(String template, String applicationName) {
        return applicationName + ": " + SUBJECTS.getOrDefault(template, "Notification");
    }
}
