package io.crvs.auth.key;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.testkit.AppContract;
import io.crvs.testkit.TestApp;
import io.crvs.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server given unusable PEM key settings must refuse to start, and say which variable is wrong. */
class KeysPemMisconfiguredIT {
    private Path dir;

    @BeforeEach
    void createFolder() throws IOException {
        dir = Files.createTempDirectory("crvs-pem-bad-");
    }

    @AfterEach
    void deleteFolder() {
        AppContract.deleteTree(dir);
    }

    private void assertStartFails(Map<String, String> env, String mentions) throws IOException {
        var data = Files.createDirectory(dir.resolve("data"));
        assertThatThrownBy(() -> new TestApp(TestDatabase.H2, data, env).close())
                .hasMessageContaining(mentions);
    }

    @Test
    void startWhenPublicKeyDoesNotMatchPrivateKeyThenFailsNamingCertPublicKeyPath() throws IOException {
        var mine = KeysFromPemContract.generate();
        var other = KeysFromPemContract.generate();
        var env = KeysFromPemContract.writePair(dir, (RSAPrivateCrtKey) mine.getPrivate(), (RSAPublicKey) other.getPublic());
        assertStartFails(env, "CERT_PUBLIC_KEY_PATH");
    }

    @Test
    void startWhenPublicKeyWithoutPrivateKeyThenFailsNamingCertPublicKeyPath() throws IOException {
        var pair = KeysFromPemContract.generate();
        var env = new HashMap<>(KeysFromPemContract.writePair(dir, (RSAPrivateCrtKey) pair.getPrivate(),
                (RSAPublicKey) pair.getPublic()));
        env.remove("CERT_PRIVATE_KEY_PATH");
        assertStartFails(env, "CERT_PUBLIC_KEY_PATH");
    }

    @Test
    void startWhenPrivateKeyFileMissingThenFailsNamingCertPrivateKeyPath() throws IOException {
        assertStartFails(Map.of("CERT_PRIVATE_KEY_PATH", dir.resolve("nowhere.pem").toString()), "CERT_PRIVATE_KEY_PATH");
    }
}
