package io.crvs.users.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.Rfc6238;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** crvs's TOTP against RFC 6238 Appendix B (SHA1) and against an independent implementation of the RFCs. */
class TotpTest {
    /** RFC 6238 Appendix B: the SHA1 seed, as ASCII. */
    private static final String RFC_SECRET = Rfc6238.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    /** Appendix B, SHA1 rows: Unix time and the 8-digit TOTP. */
    private static final long[][] RFC_VECTORS = {
        {59L, 94287082L},
        {1111111109L, 7081804L},
        {1111111111L, 14050471L},
        {1234567890L, 89005924L},
        {2000000000L, 69279037L},
        {20000000000L, 65353130L},
    };

    @Test
    void referenceWhenRfcAppendixBThenEightDigitCodesMatch() {
        var key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        for (var row : RFC_VECTORS) {
            assertThat(Rfc6238.hotp(key, row[0] / 30, 8)).as("T=" + row[0]).isEqualTo(String.format("%08d", row[1]));
        }
        assertThat(Rfc6238.base32(RFC_SECRET)).isEqualTo(key);
    }

    @Test
    void codeAtWhenRfcAppendixBThenLastSixDigitsOfEachVector() {
        for (var row : RFC_VECTORS) {
            var expected = String.format("%08d", row[1]).substring(2);
            assertThat(Totp.codeAt(RFC_SECRET, row[0] / 30)).as("T=" + row[0]).isEqualTo(expected);
        }
    }

    @Test
    void matchingStepWhenRfcVectorTimeThenItsStep() {
        for (var row : RFC_VECTORS) {
            var code = String.format("%08d", row[1]).substring(2);
            assertThat(Totp.matchingStep(RFC_SECRET, code, Instant.ofEpochSecond(row[0]))).hasValue(row[0] / 30);
        }
    }

    @Test
    void newSecretWhenGeneratedThen160BitBase32AndCodesAgreeWithReference() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 50; i++) {
            var secret = Totp.newSecret();
            assertThat(secret).matches("[A-Z2-7]{32}");
            assertThat(Rfc6238.base32(secret)).hasSize(20);
            assertThat(seen.add(secret)).isTrue();
            long step = 50_000_000L + i * 7919L;
            assertThat(Totp.codeAt(secret, step)).isEqualTo(Rfc6238.codeAtStep(secret, step));
        }
    }

    @Test
    void matchingStepWhenCodeOfNeighbourStepThenAcceptedButNotTwoStepsAway() {
        var secret = Totp.newSecret();
        var now = Instant.ofEpochSecond(1_700_000_015L);
        long step = Rfc6238.step(now);
        assertThat(Totp.matchingStep(secret, Rfc6238.codeAtStep(secret, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Rfc6238.codeAtStep(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Rfc6238.codeAtStep(secret, step + 1), now)).hasValue(step + 1);
        for (long far : new long[] {step - 2, step + 2, step - 100}) {
            var code = Rfc6238.codeAtStep(secret, far);
            boolean collides = code.equals(Rfc6238.codeAtStep(secret, step - 1))
                    || code.equals(Rfc6238.codeAtStep(secret, step)) || code.equals(Rfc6238.codeAtStep(secret, step + 1));
            if (!collides) {
                assertThat(Totp.matchingStep(secret, code, now)).as("step " + far).isEmpty();
            }
        }
    }

    @Test
    void matchingStepWhenNotSixDigitsThenNothing() {
        var secret = Totp.newSecret();
        var now = Instant.ofEpochSecond(1_700_000_000L);
        var code = Rfc6238.code(secret, now);
        for (var bad : new String[] {null, "", code.substring(1), code + "0", " " + code, "12345a", "１２３４５６"}) {
            assertThat(Totp.matchingStep(secret, bad, now)).as(String.valueOf(bad)).isEqualTo(OptionalLong.empty());
        }
    }

    @Test
    void uriWhenIssuerHasSpacesThenOtpauthUriWithEncodedLabelAndParameters() {
        var uri = Totp.uri("Farajaland CRS", "k.bwalya", "JBSWY3DPEHPK3PXP");
        assertThat(uri).isEqualTo("otpauth://totp/Farajaland%20CRS%3Ak.bwalya?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=Farajaland%20CRS&algorithm=SHA1&digits=6&period=30");
    }
}
