package io.crvs.records.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The country codes an address may carry besides the home country, as OpenCRVS takes them (interop §4.3 step 4,
 * npm {@code country-code-lookup} {@code byIso}): ISO 3166-1 alpha-2 and alpha-3 in any case, from the JDK, and
 * the three-digit numeric codes, from {@value #NUMERIC}. The JDK has no numeric codes, hence the file.
 */
final class CountryCodes {
    private static final String NUMERIC = "/iso3166/numeric.txt";
    private static final Pattern NUMERIC_LINE = Pattern.compile("(\\d{3})\t.+");
    private static final Set<String> CODES = load();

    private CountryCodes() {
    }

    static boolean isIso(String code) {
        return CODES.contains(code.toUpperCase(Locale.ROOT));
    }

    private static Set<String> load() {
        var codes = new HashSet<String>();
        for (var alpha2 : Locale.getISOCountries()) {
            codes.add(alpha2);
            codes.add(Locale.of("", alpha2).getISO3Country());
        }
        codes.addAll(numeric());
        return Set.copyOf(codes);
    }

    /** A malformed line is a packaging mistake, so it stops start-up rather than silently dropping a country. */
    private static Set<String> numeric() {
        var stream = CountryCodes.class.getResourceAsStream(NUMERIC);
        if (stream == null) {
            throw new IllegalStateException("Missing resource " + NUMERIC);
        }
        var codes = new HashSet<String>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var matcher = NUMERIC_LINE.matcher(line);
                if (!matcher.matches()) {
                    throw new IllegalStateException(NUMERIC + ": not '<3 digits><tab><country>': " + line);
                }
                codes.add(matcher.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
