package io.crvs.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Base64;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@link SecretBox}: AES-256-GCM with the owner's id bound as associated data. */
class SecretBoxTest {
    private static final String PURPOSE = "crvs client sha_secret v1";
    private final ServerKey serverKey = ServerKey.of(RandomTokens.bytes(32));
    private final SecretBox box = new SecretBox(serverKey.derive(PURPOSE, "AES"));

    @Property
    void openWhenSealedThenSamePlaintext(@ForAll String plaintext, @ForAll String context) {
        var sealed = box.seal(plaintext, context);
        assertThat(sealed).startsWith("v1:");
        assertThat(box.open(sealed, context)).isEqualTo(plaintext);
    }

    @Example
    void sealWhenSamePlaintextTwiceThenDifferentCiphertextsWithoutPlaintext() {
        var secret = RandomTokens.base64url(32);
        var first = box.seal(secret, "client-1");
        var second = box.seal(secret, "client-1");
        assertThat(first).isNotEqualTo(second).doesNotContain(secret);
        assertThat(Base64.getDecoder().decode(first.substring(3))).hasSize(12 + secret.length() + 16);
    }

    @Property
    void openWhenOtherContextThenFails(@ForAll String plaintext, @ForAll String context, @ForAll String other) {
        var sealed = box.seal(plaintext, context);
        var wrong = context.equals(other) ? other + "x" : other;
        assertThatThrownBy(() -> box.open(sealed, wrong)).isInstanceOf(IllegalStateException.class);
    }

    @Example
    void openWhenAnyByteTamperedThenFails() {
        var sealed = box.seal(RandomTokens.base64url(32), "client-1");
        var bytes = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < bytes.length; i++) {
            var tampered = bytes.clone();
            tampered[i] ^= 0x01;
            var text = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> box.open(text, "client-1")).as("byte " + i).isInstanceOf(IllegalStateException.class);
        }
        var truncated = "v1:" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> box.open(truncated, "client-1")).isInstanceOf(IllegalStateException.class);
    }

    @Example
    void openWhenOtherKeyOrOtherPurposeThenFails() {
        var sealed = box.seal("webhook signing key", "client-1");
        var otherServer = new SecretBox(ServerKey.of(RandomTokens.bytes(32)).derive(PURPOSE, "AES"));
        assertThatThrownBy(() -> otherServer.open(sealed, "client-1")).isInstanceOf(IllegalStateException.class);
        var otherPurpose = new SecretBox(serverKey.derive("crvs something else v1", "AES"));
        assertThatThrownBy(() -> otherPurpose.open(sealed, "client-1")).isInstanceOf(IllegalStateException.class);
        var sameKeyAgain = new SecretBox(serverKey.derive(PURPOSE, "AES"));
        assertThat(sameKeyAgain.open(sealed, "client-1")).isEqualTo("webhook signing key");
    }

    @Property
    void openWhenAnyStoredTextThenOnlyIllegalStateException(@ForAll String stored) {
        for (var candidate : new String[] {stored, "v1:" + stored, "v1:" + Base64.getEncoder().encodeToString(stored.getBytes())}) {
            var thrown = catchThrowable(() -> box.open(candidate, "client-1"));
            assertThat(thrown).as(candidate).isInstanceOf(IllegalStateException.class);
        }
    }

    @Example
    void openWhenShortOrEmptyPayloadThenIllegalStateException() {
        for (var stored : new String[] {"v1:", "v1:AA==", "v1:" + Base64.getEncoder().encodeToString(new byte[27]), "v2:abc"}) {
            assertThatThrownBy(() -> box.open(stored, "c")).as(stored).isInstanceOf(IllegalStateException.class);
        }
    }
}
