package io.crvs.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.WithNull;

/**
 * {@link ClientRequest#parse}: how OAuth parameters and client credentials are read from the query string, a form
 * body and HTTP Basic, for arbitrary values.
 */
class ClientRequestTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ClientRequest query(String query) {
        return ClientRequest.parse(new ClientRequest.Raw(query, "application/json", "", null), true);
    }

    private static ClientRequest form(String query, String body) {
        return ClientRequest.parse(new ClientRequest.Raw(query, FORM, body, null), true);
    }

    private static String basic(String id, String secret) {
        var raw = enc(id) + ":" + enc(secret);
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidRequest(Throwable thrown) {
        assertThat(thrown).isInstanceOf(OAuthErrorException.class);
        assertThat(((OAuthErrorException) thrown).error()).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Example
    void jsonBodyWhenNotWellFormedThenInvalidRequestAndOtherwiseIgnored() {
        for (var bad : List.of("{bad", "{\"a\":1", "{} {}", "[1,]", "'x'")) {
            assertInvalidRequest(catchThrowable(() -> ClientRequest.parse(
                    new ClientRequest.Raw("client_id=a", "application/json", bad, null), true)));
        }
        for (var ignored : List.of("", " ", "{}", "[]", "null", "{\"client_id\":\"b\"}")) {
            var request = ClientRequest.parse(new ClientRequest.Raw("client_id=a", "application/json", ignored, null), true);
            assertThat(request.clientId()).as(ignored).hasValue("a");
        }
    }

    /** Non-empty strings of any Unicode scalar values (no lone surrogates, which UTF-8 cannot carry). */
    @Provide
    Arbitrary<String> values() {
        var anyScalar = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        var interesting = Arbitraries.of((int) '&', (int) '=', (int) '+', (int) '%', (int) ':', (int) ' ', (int) '\u00e9',
                0x1F600, (int) '\u0000', (int) '\n');
        var codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x21, 0x7E)),
                net.jqwik.api.Tuple.of(2, interesting),
                net.jqwik.api.Tuple.of(1, anyScalar));
        return codePoint.list().ofMinSize(1).ofMaxSize(60)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }

    @Provide
    Arbitrary<String> parameterNames() {
        return Arbitraries.of(List.copyOf(ClientRequest.READ));
    }

    /** Text that looks like a form half the time: names, separators and broken or valid escapes. */
    @Provide
    Arbitrary<String> formish() {
        var pieces = Arbitraries.of("client_id", "client_secret", "grant_type", "token", "=", "&", "&&", "=",
                "%", "%2", "%zz", "%41", "%C3%A9", "%C3", "%FF", "+", "%2B", "%00", "x", "é", "😀", ";", " ");
        var structured = pieces.list().ofMaxSize(20).map(list -> String.join("", list));
        return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(200));
    }

    @Property
    void parseWhenEmptyDuplicatesAccompanyAValueThenEmptyOnesAreDropped(@ForAll("parameterNames") String name,
            @ForAll("values") String value, @ForAll boolean emptyFirst) {
        var empty = name + "=";
        var full = name + "=" + enc(value);
        var text = emptyFirst ? empty + "&" + full + "&" + empty : full + "&" + empty;
        assertThat(query(text).parameter(name)).isEqualTo(value);
        assertThat(form(empty, full).parameter(name)).isEqualTo(value);
        assertThat(form(full, empty + "&" + empty).parameter(name)).isEqualTo(value);
    }

    @Property
    void parseWhenOnlyEmptyValuesThenParameterAbsent(@ForAll("parameterNames") String name) {
        var request = form(name + "=&" + name, name + "=");
        assertThat(request.parameter(name)).isNull();
        assertThat(request.parameters()).doesNotContainKey(name);
    }

    @Property
    void parseWhenIdenticalDuplicatesThenAccepted(@ForAll("parameterNames") String name, @ForAll("values") String value) {
        var pair = name + "=" + enc(value);
        assertThat(query(pair + "&" + pair).parameter(name)).isEqualTo(value);
        assertThat(form(pair, pair + "&" + pair).parameter(name)).isEqualTo(value);
    }

    @Property
    void parseWhenTwoDifferentNonEmptyValuesThenInvalidRequest(@ForAll("parameterNames") String name,
            @ForAll("values") String first, @ForAll("values") String second) {
        var a = first;
        var b = first.equals(second) ? second + "x" : second;
        assertInvalidRequest(catchThrowable(() -> query(name + "=" + enc(a) + "&" + name + "=" + enc(b))));
        assertInvalidRequest(catchThrowable(() -> form(name + "=" + enc(a), name + "=" + enc(b))));
        assertInvalidRequest(catchThrowable(() -> form("", name + "=" + enc(a) + "&" + name + "=" + enc(b))));
    }

    @Property(tries = 2000)
    void parseWhenAnyInputThenOnlyOAuthErrorExceptionEscapes(@ForAll("formish") @WithNull String query,
            @ForAll @WithNull String contentType, @ForAll("formish") @WithNull String body,
            @ForAll @WithNull String authorization, @ForAll boolean legacy) {
        var raw = new ClientRequest.Raw(query, contentType, body, authorization);
        var thrown = catchThrowable(() -> ClientRequest.parse(raw, legacy));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(OAuthErrorException.class);
        }
    }

    @Property(tries = 1000)
    void parseWhenFormBodyIsAnyFormishTextThenOnlyOAuthErrorExceptionEscapes(@ForAll("formish") String query,
            @ForAll("formish") String body, @ForAll("formish") String basicPayload, @ForAll boolean legacy) {
        var authorization = "Basic " + Base64.getEncoder().encodeToString(basicPayload.getBytes(StandardCharsets.UTF_8));
        for (var auth : new String[] {null, authorization, "basic " + basicPayload, "Bearer " + basicPayload}) {
            var raw = new ClientRequest.Raw(query, FORM + "; charset=UTF-8", body, auth);
            var thrown = catchThrowable(() -> ClientRequest.parse(raw, legacy));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(OAuthErrorException.class);
            }
        }
    }

    @Property
    void parseWhenBasicCredentialsFormEncodedThenRoundTrip(@ForAll("values") String id, @ForAll("values") String secret) {
        var request = ClientRequest.parse(new ClientRequest.Raw("", FORM, "grant_type=client_credentials",
                basic(id, secret)), false);
        assertThat(request.method()).isEqualTo(ClientRequest.Method.BASIC);
        assertThat(request.clientId()).hasValue(id);
        assertThat(request.clientSecret()).hasValue(secret);
        assertThat(request.parameter("grant_type")).isEqualTo("client_credentials");
        assertThat(request.toString()).isEqualTo("ClientRequest[clientId=" + id + ", method=BASIC]");
    }

    @Property
    void parseWhenBasicAndSameClientIdInBodyThenAcceptedButDifferentIdRefused(@ForAll("values") String id,
            @ForAll("values") String secret, @ForAll("values") String other) {
        var same = ClientRequest.parse(new ClientRequest.Raw("", FORM, "client_id=" + enc(id), basic(id, secret)), true);
        assertThat(same.clientId()).hasValue(id);
        var differentId = id.equals(other) ? other + "x" : other;
        assertInvalidRequest(catchThrowable(() -> ClientRequest.parse(
                new ClientRequest.Raw("", FORM, "client_id=" + enc(differentId), basic(id, secret)), true)));
        assertInvalidRequest(catchThrowable(() -> ClientRequest.parse(
                new ClientRequest.Raw("", FORM, "client_secret=" + enc(secret), basic(id, secret)), true)));
    }

    @Property
    void parseWhenCredentialsInQueryAndLegacySwitchOffThenInvalidRequest(@ForAll("values") String id,
            @ForAll("values") String secret, @ForAll boolean idInQuery) {
        var inQuery = idInQuery ? "client_id=" + enc(id) : "client_secret=" + enc(secret);
        var inBody = idInQuery ? "client_secret=" + enc(secret) : "client_id=" + enc(id);
        var raw = new ClientRequest.Raw(inQuery + "&grant_type=client_credentials", FORM, inBody, null);
        assertInvalidRequest(catchThrowable(() -> ClientRequest.parse(raw, false)));
        var allowed = ClientRequest.parse(raw, true);
        assertThat(allowed.clientId()).hasValue(id);
        assertThat(allowed.clientSecret()).hasValue(secret);
    }

    @Property
    void parseWhenCredentialsInBodyAndLegacySwitchOffThenPostMethod(@ForAll("values") String id,
            @ForAll("values") String secret) {
        var request = ClientRequest.parse(new ClientRequest.Raw("grant_type=client_credentials", FORM,
                "client_id=" + enc(id) + "&client_secret=" + enc(secret), null), false);
        assertThat(request.method()).isEqualTo(ClientRequest.Method.POST);
        assertThat(request.clientId()).hasValue(id);
        assertThat(request.clientSecret()).hasValue(secret);
        assertThat(request.toString()).doesNotContain("secret=").isEqualTo("ClientRequest[clientId=" + id + ", method=POST]");
    }

    @Property
    void parseWhenSecretInQueryThenQueryMethod(@ForAll("values") String id, @ForAll("values") String secret) {
        var request = query("client_id=" + enc(id) + "&client_secret=" + enc(secret) + "&grant_type=client_credentials");
        assertThat(request.method()).isEqualTo(ClientRequest.Method.QUERY);
        assertThat(request.clientSecret()).hasValue(secret);
    }

    @Property
    void parseWhenValueLongerThan8192ThenInvalidRequest(@ForAll("parameterNames") String name) {
        assertThat(form("", name + "=" + "a".repeat(8192)).parameter(name)).hasSize(8192);
        assertInvalidRequest(catchThrowable(() -> form("", name + "=" + "a".repeat(8193))));
    }

    @Example
    void parseWhenJsonContentTypeThenBodyIgnoredOtherNonEmptyBodiesRefused() {
        var json = ClientRequest.parse(new ClientRequest.Raw("client_id=a", "application/json",
                "{\"client_id\":\"b\"}", null), true);
        assertThat(json.clientId()).hasValue("a");
        assertInvalidRequest(catchThrowable(() -> ClientRequest.parse(
                new ClientRequest.Raw("client_id=a", "text/plain", "client_id=b", null), true)));
        assertThat(ClientRequest.parse(new ClientRequest.Raw("client_id=a", "text/plain", "  ", null), true).clientId())
                .hasValue("a");
    }

    @Example
    void parseWhenBasicMalformedThenInvalidRequest() {
        for (var header : List.of("Basic ***", "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()),
                "Basic " + Base64.getEncoder().encodeToString("id%zz:secret".getBytes()))) {
            assertThatThrownBy(() -> ClientRequest.parse(new ClientRequest.Raw("", FORM, "", header), true))
                    .isInstanceOf(OAuthErrorException.class);
        }
    }

    @Example
    void parseWhenBasicSchemeInAnyCaseThenRecognised() {
        var header = basic("id", "secret");
        for (var scheme : List.of("Basic", "BASIC", "basic", "bAsIc")) {
            var request = ClientRequest.parse(new ClientRequest.Raw("", FORM, "", scheme + header.substring(5)), true);
            assertThat(request.method()).isEqualTo(ClientRequest.Method.BASIC);
            assertThat(request.clientSecret()).hasValue("secret");
        }
    }

    @Property
    void parseWhenBasicWithEmptyPartsThenThoseCredentialsAbsent(@ForAll("values") String value) {
        var noSecret = ClientRequest.parse(new ClientRequest.Raw("", FORM, "", basic(value, "")), true);
        assertThat(noSecret.clientId()).hasValue(value);
        assertThat(noSecret.clientSecret()).isEmpty();
        var noId = ClientRequest.parse(new ClientRequest.Raw("", FORM, "", basic("", value)), true);
        assertThat(noId.clientId()).isEmpty();
        assertThat(noId.clientSecret()).hasValue(value);
    }
}
