package io.crvs.auth.key;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.auth.Scopes;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rotated-out signing key keeps verifying exactly as long as a token it signed can still be accepted: the longest
 * token lifetime (604800 s by default) plus the verifier's 60 s skew. With the server's clock moved a week forward,
 * so in a class of its own.
 */
public abstract class KeysRetirementContract extends AppContract {
    private static final long MAX_TTL = 604_800;

    private int whoami(String token) {
        return http().get("/whoami", "Authorization", Http.bearer(token)).status();
    }

    private List<String> publishedKids() {
        return http().get("/.well-known/jwks.json").json().get("keys").findValuesAsText("kid");
    }

    private boolean keyFileExists(String kid) throws IOException {
        try (var files = Files.list(app.dataDir().resolve("keys").resolve("signing"))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith("-" + kid + ".pem"));
        }
    }

    @Test
    void rotatedOutKeyWhenItsLastTokenCanNoLongerBeAcceptedThenUnpublishedAndDeleted() throws IOException {
        var keys = app.app().auth().signingKeys();
        var issuer = app.app().auth().tokenIssuer();
        var old = keys.current().kid();
        var scopes = List.of(Scopes.NATLSYSADMIN);
        // The longest-lived token the old key can sign, signed just before it is rotated out.
        var weekLong = issuer.issue(app.userId("k.bwalya"), Optional.empty(), scopes, issuer.audiences(scopes),
                Duration.ofSeconds(MAX_TTL), 0).token();
        keys.rotate();
        app.clock().advance(Duration.ofSeconds(MAX_TTL + 30));
        keys.rotate();
        assertThat(whoami(weekLong)).as("30 s past exp, inside the skew: the old key must still verify").isEqualTo(200);
        assertThat(publishedKids()).contains(old);
        assertThat(keyFileExists(old)).isTrue();
        app.clock().advance(Duration.ofSeconds(60));
        keys.rotate();
        assertThat(publishedKids()).doesNotContain(old);
        assertThat(keyFileExists(old)).as("retired key file deleted").isFalse();
        assertThat(whoami(weekLong)).isEqualTo(401);
        assertThat(keys.verificationKeys()).extracting(SigningKey::kid).doesNotContain(old);
    }
}
