package io.crvs.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.platform.crypto.RandomTokens;
import io.crvs.platform.crypto.ServerKey;
import java.util.Base64;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** {@link ClientSecretHasher}: peppered, salted HMAC of client secrets, compared in constant time. */
class ClientSecretHasherTest {
    private static final ServerKey SERVER_KEY = ServerKey.of(new byte[32]);
    private final ClientSecretHasher hasher =
            new ClientSecretHasher(SERVER_KEY.derive("crvs client secret hash v1", "HmacSHA256"));

    @Example
    void verifyWhenRightSecretThenTrueWrongSecretThenFalse() {
        var secret = RandomTokens.base64url(32);
        var salt = ClientSecretHasher.newSalt();
        var hash = hasher.hash(salt, secret);
        assertThat(hasher.verify(salt, hash, secret)).isTrue();
        assertThat(hasher.verify(salt, hash, secret + "x")).isFalse();
        assertThat(hasher.verify(salt, hash, secret.substring(1))).isFalse();
        assertThat(hasher.verify(salt, hash, "")).isFalse();
        assertThat(hasher.verify(ClientSecretHasher.newSalt(), hash, secret)).isFalse();
    }

    @Property
    void verifyWhenArbitrarySecretThenOnlyThatSecretVerifies(@ForAll @StringLength(max = 300) String secret,
            @ForAll @StringLength(max = 200) String other) {
        var salt = ClientSecretHasher.newSalt();
        var hash = hasher.hash(salt, secret);
        boolean fits = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= ClientSecretHasher.MAX_SECRET_BYTES;
        assertThat(hasher.verify(salt, hash, secret)).isEqualTo(fits);
        assertThat(hasher.verify(salt, hash, other)).isEqualTo(fits && other.equals(secret));
    }

    @Example
    void hashWhenSameSecretThenSameHashPerSaltAndDifferentAcrossSaltsAndPeppers() {
        var secret = RandomTokens.base64url(32);
        var salt = ClientSecretHasher.newSalt();
        assertThat(hasher.hash(salt, secret)).isEqualTo(hasher.hash(salt, secret)).doesNotContain(secret);
        assertThat(hasher.hash(ClientSecretHasher.newSalt(), secret)).isNotEqualTo(hasher.hash(salt, secret));
        var otherPepper = new ClientSecretHasher(ServerKey.of(new byte[32]).derive("another purpose", "HmacSHA256"));
        assertThat(otherPepper.hash(salt, secret)).isNotEqualTo(hasher.hash(salt, secret));
        assertThat(otherPepper.verify(salt, hasher.hash(salt, secret), secret)).isFalse();
        assertThat(Base64.getDecoder().decode(hasher.hash(salt, secret))).hasSize(32);
    }

    @Example
    void newSaltWhenCalledThenSixteenFreshBytes() {
        var first = ClientSecretHasher.newSalt();
        assertThat(Base64.getDecoder().decode(first)).hasSize(16);
        assertThat(ClientSecretHasher.newSalt()).isNotEqualTo(first);
    }

    @Property
    void verifyDummyWhenAnySecretThenFalse(@ForAll String secret) {
        assertThat(hasher.verifyDummy(secret)).isFalse();
    }

    @Example
    void verifyDummyWhenEmptyOrHugeThenFalse() {
        assertThat(hasher.verifyDummy("")).isFalse();
        assertThat(hasher.verifyDummy("s".repeat(100_000))).isFalse();
    }

    @Example
    void verifyWhenSecretLongerThan512BytesThenNeverVerifiesEvenAgainstItsOwnHash() {
        var exact = "a".repeat(ClientSecretHasher.MAX_SECRET_BYTES);
        var salt = ClientSecretHasher.newSalt();
        assertThat(hasher.verify(salt, hasher.hash(salt, exact), exact)).isTrue();
        var longer = exact + "b";
        assertThat(hasher.verify(salt, hasher.hash(salt, longer), longer)).isFalse();
        assertThat(hasher.verify(salt, hasher.hash(salt, exact), longer)).as("same first 512 bytes").isFalse();
    }

    @Example
    void verifyWhenMultiByteSecretCrosses512BytesThenCountedInUtf8Bytes() {
        var salt = ClientSecretHasher.newSalt();
        var fits = "é".repeat(256);
        assertThat(hasher.verify(salt, hasher.hash(salt, fits), fits)).isTrue();
        var over = "é".repeat(257);
        assertThat(over.length()).isLessThan(ClientSecretHasher.MAX_SECRET_BYTES);
        assertThat(hasher.verify(salt, hasher.hash(salt, over), over)).isFalse();
    }

    @Property(tries = 200)
    void verifyWhenAnySecretOver512BytesThenFalse(@ForAll @StringLength(min = 513, max = 2000) String secret) {
        var salt = ClientSecretHasher.newSalt();
        assertThat(hasher.verify(salt, hasher.hash(salt, secret), secret)).isFalse();
    }
}
