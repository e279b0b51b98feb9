package io.crvs.auth.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.crvs.auth.AuthConfig;
import io.crvs.auth.BearerChallenge;
import io.crvs.auth.Caller;
import io.crvs.auth.ClientStatus;
import io.crvs.auth.TokenVerifier;
import io.crvs.auth.UserSubjects;
import io.crvs.auth.key.SigningKeys;
import io.crvs.auth.store.ClientStore;
import io.crvs.auth.store.RevocationStore;
import io.crvs.platform.db.Database;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@link TokenVerifier} for crvs's own RS256 JWTs, following RFC 8725 and the checklist in
 * {@code oauth-security.md} §4: the header is inspected before any parsing of claims (length cap, exactly
 * {@code alg}, {@code typ}, {@code kid}; RS256 only; {@code typ} JWT), the signature is checked only against the
 * pinned key set, then claims, then the subject's current state in the database. Thread-safe.
 */
public final class JwtTokenVerifier implements TokenVerifier {
    static final int MAX_TOKEN_LENGTH = 8192;
    static final long MAX_SKEW_SECONDS = 60;
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> HEADER_MEMBERS = Set.of("alg", "typ", "kid");
    private static final Duration RELOAD_INTERVAL = Duration.ofSeconds(2);

    private final SigningKeys keys;
    private final AuthConfig config;
    private final Database database;
    private final ClientStore clients;
    private final UserSubjects users;
    private final RevocationStore revocations = new RevocationStore();
    private final Clock clock;
    private final ObjectMapper json;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private volatile Instant lastReload = Instant.EPOCH;

    public JwtTokenVerifier(SigningKeys keys, AuthConfig config, Database database, ClientStore clients,
            UserSubjects users, Clock clock, ObjectMapper json) {
        this.keys = keys;
        this.config = config;
        this.database = database;
        this.clients = clients;
        this.users = users;
        this.clock = clock;
        this.json = json;
        this.processor = processor();
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        var p = new DefaultJWTProcessor<SecurityContext>();
        JWKSource<SecurityContext> pinned = (JWKSelector selector, SecurityContext ctx) -> selector.select(keys.publicJwkSet());
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, pinned));
        var factory = new DefaultJWSVerifierFactory();
        keys.crypto().provider().ifPresent(provider -> factory.getJCAContext().setProvider(provider));
        p.setJWSVerifierFactory(factory);
        // typ is checked (case-insensitively) before processing; Nimbus's own check would reject "jwt".
        p.setJWSTypeVerifier((type, ctx) -> { });
        var exact = new JWTClaimsSet.Builder().issuer(config.issuer()).build();
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(null, exact,
                Set.of("iss", "sub", "aud", "exp", "iat", "jti", "scope"), Set.of()) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew((int) MAX_SKEW_SECONDS);
        p.setJWTClaimsSetVerifier(verifier);
        return p;
    }

    @Override
    public Caller authenticate(String authorizationHeader, String audience, Set<String> anyOfScopes) {
        var token = bearerToken(authorizationHeader);
        var caller = switch (check(token)) {
            case Result.Valid valid -> valid.caller();
            case Result.Invalid invalid -> throw BearerChallenge.invalid(invalid.description());
        };
        if (!caller.audience().contains(audience)) {
            throw BearerChallenge.invalid("The access token is not intended for this service");
        }
        if (!caller.hasAnyScope(anyOfScopes)) {
            throw BearerChallenge.insufficientScope(String.join(" ", new TreeSet<>(anyOfScopes)));
        }
        return caller;
    }

    @Override
    public Optional<Caller> verify(String token) {
        return token != null && check(token) instanceof Result.Valid valid ? Optional.of(valid.caller()) : Optional.empty();
    }

    /** Checks the token without looking at the subject's current state: for revocation of a token one holds. */
    public Optional<Caller> verifySignatureAndClaims(String token) {
        try {
            return token == null ? Optional.empty() : Optional.of(claims(token));
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    private static String bearerToken(String header) {
        if (header == null || header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw BearerChallenge.missing();
        }
        var token = header.substring(7).trim();
        if (token.isEmpty()) {
            throw BearerChallenge.missing();
        }
        return token;
    }

    Result check(String token) {
        try {
            var caller = claims(token);
            return subjectState(caller).<Result>map(Result.Invalid::new).orElseGet(() -> new Result.Valid(caller));
        } catch (Invalid e) {
            return new Result.Invalid(e.getMessage());
        }
    }

    private Caller claims(String token) {
        if (token.length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token).matches()) {
            throw new Invalid("The access token is malformed");
        }
        reloadIfUnknown(checkHeader(token));
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = processor.process(jwt, null);
        } catch (BadJWTException e) {
            throw new Invalid(e.getMessage() != null && e.getMessage().contains("xpired")
                    ? "The access token is expired" : "The access token's claims are not valid here");
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new Invalid("The access token is invalid");
        }
        return caller(claims, jwt.getPayload().toJSONObject());
    }

    /** Only {@code alg}, {@code typ} and {@code kid}, all present; RS256; typ JWT. Returns the kid. */
    private String checkHeader(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.chars().filter(c -> c == '.').count() != 2) {
            throw new Invalid("The access token is malformed");
        }
        JsonNode header;
        try {
            header = json.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid("The access token is malformed");
        }
        if (header == null || !header.isObject()) {
            throw new Invalid("The access token is malformed");
        }
        var names = new HashSet<String>();
        header.fieldNames().forEachRemaining(names::add);
        if (!HEADER_MEMBERS.containsAll(names) || !"RS256".equals(header.path("alg").asText(null))) {
            throw new Invalid("The access token is invalid");
        }
        if (!header.path("typ").isTextual() || !header.get("typ").asText().equalsIgnoreCase("JWT")) {
            throw new Invalid("The access token is invalid");
        }
        // Every token crvs issues names its key; one that does not would make the verifier try every key.
        var kid = header.path("kid");
        if (!kid.isTextual() || !KID.matcher(kid.asText()).matches()) {
            throw new Invalid("The access token is invalid");
        }
        return kid.asText();
    }

    /** A kid we do not know may be a key another process just rotated in: look, at most every two seconds. */
    private void reloadIfUnknown(String kid) {
        var now = clock.instant();
        if (keys.find(kid).isEmpty() && lastReload.plus(RELOAD_INTERVAL).isBefore(now)) {
            lastReload = now;
            keys.reloadIfChanged();
        }
    }

    /** {@code payload}: the claims as sent, since Nimbus turns a string {@code aud} into a one-entry list. */
    private Caller caller(JWTClaimsSet claims, Map<String, Object> payload) {
        try {
            var iat = claims.getIssueTime().toInstant();
            var exp = claims.getExpirationTime().toInstant();
            if (iat.isAfter(clock.instant().plusSeconds(MAX_SKEW_SECONDS))) {
                throw new Invalid("The access token was issued in the future");
            }
            if (Duration.between(iat, exp).compareTo(config.maxTokenTtl()) > 0) {
                throw new Invalid("The access token lives longer than this server allows");
            }
            if (payload == null || !(payload.get("aud") instanceof List<?>)) {
                throw new Invalid("The access token's claims are not valid here");
            }
            var scopes = claims.getStringListClaim("scope");
            var jti = claims.getJWTID();
            var subject = claims.getSubject();
            if (scopes == null || jti.isEmpty() || jti.length() > 64 || subject.isEmpty() || subject.length() > 64) {
                throw new Invalid("The access token's claims are not valid here");
            }
            var clientId = Optional.ofNullable(claims.getStringClaim("client_id"));
            var kind = clientId.isPresent() ? Caller.Kind.CLIENT : Caller.Kind.USER;
            return new Caller(subject, kind, clientId, scopes, claims.getAudience(), jti, iat, exp, generation(claims));
        } catch (ParseException | NullPointerException e) {
            throw new Invalid("The access token's claims are not valid here");
        }
    }

    private static long generation(JWTClaimsSet claims) throws ParseException {
        var generation = claims.getLongClaim(TokenIssuer.GENERATION_CLAIM);
        if (generation != null && generation < 0) {
            throw new Invalid("The access token's claims are not valid here");
        }
        return generation == null ? 0 : generation;
    }

    /** Empty when the subject may still use this token; otherwise why not. */
    private Optional<String> subjectState(Caller caller) {
        if (caller.kind() == Caller.Kind.USER) {
            if (database.withHandle(handle -> revocations.isRevoked(handle, caller.jti()))) {
                return Optional.of("The access token has been revoked");
            }
            return users.refusal(caller);
        }
        var state = database.withHandle(handle -> clients.subjectState(handle, caller.subject(), caller.jti()));
        if (state.isEmpty() || !state.get().clientId().equals(caller.clientId().orElseThrow())) {
            return Optional.of("The access token's client no longer exists");
        }
        if (state.get().jtiRevoked()) {
            return Optional.of("The access token has been revoked");
        }
        if (state.get().status() != ClientStatus.ACTIVE) {
            return Optional.of("The access token's client is deactivated");
        }
        if (!caller.isOfGeneration(state.get().tokenGeneration())) {
            return Optional.of("The access token was issued before the client's secret was refreshed or it was"
                    + " deactivated");
        }
        return Optional.empty();
    }

    /** Outcome of checking a token. */
    sealed interface Result {
        record Valid(Caller caller) implements Result {
        }

        record Invalid(String description) implements Result {
        }
    }

    /** Internal signal: this token is not acceptable, with a description safe to show the caller. */
    private static final class Invalid extends RuntimeException {
        Invalid(String description) {
            super(description, null, false, false);
        }
    }
}
