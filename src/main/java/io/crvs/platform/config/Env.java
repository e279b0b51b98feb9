package io.crvs.platform.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reading of environment variables. Every getter records a problem instead of throwing, so that
 * {@link #validate()} can report every bad setting in one start-up error naming each variable.
 */
public final class Env {
    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    public Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** The value, trimmed; empty values count as unset. */
    public Optional<String> optional(String name) {
        var value = values.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        var raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                problems.add(name + " must be between " + min + " and " + max + ", was " + value);
                return defaultValue;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, was '" + raw.get() + "'");
            return defaultValue;
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        var raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> {
                problems.add(name + " must be true or false, was '" + raw.get() + "'");
                yield defaultValue;
            }
        };
    }

    public String oneOf(String name, String defaultValue, Set<String> allowed) {
        var value = string(name, defaultValue).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            problems.add(name + " must be one of " + allowed + ", was '" + value + "'");
            return defaultValue;
        }
        return value;
    }

    public List<String> list(String name, List<String> defaultValue) {
        var raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        var items = Arrays.stream(raw.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            problems.add(name + " must list at least one value");
            return defaultValue;
        }
        return items;
    }

    public Optional<Path> path(String name) {
        return optional(name).map(Path::of);
    }

    public Optional<URI> httpUrl(String name) {
        var raw = optional(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            var uri = new URI(raw.get());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                problems.add(name + " must be an http(s) URL without query or fragment, was '" + raw.get() + "'");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            problems.add(name + " is not a valid URL: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Records a problem found by a cross-setting check. */
    public void problem(String message) {
        problems.add(message);
    }

    /** Throws a {@link ConfigException} listing every problem seen so far, if any. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
