package io.crvs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crvs.auth.AuthConfig;
import io.crvs.platform.config.ConfigException;
import io.crvs.platform.config.Env;
import io.crvs.platform.throttle.ThrottleConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AppConfig#load}: defaults, overrides, and one error naming every bad variable. */
class AppConfigTest {
    @TempDir
    Path dataDir;

    private AppConfig load(Map<String, String> env) {
        return AppConfig.load(new Env(env), dataDir, null);
    }

    private ConfigException failure(Map<String, String> env) {
        var thrown = catchThrowableOfType(ConfigException.class, () -> load(env));
        assertThat(thrown).as("expected a ConfigException for " + env).isNotNull();
        return thrown;
    }

    @Test
    void loadWhenSeveralVariablesBadThenOneExceptionNamingEachOfThem() {
        var thrown = failure(Map.of("CRVS_PORT", "abc", "CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS", "-1",
                "CRVS_RSA_KEY_BITS", "1000"));
        assertThat(thrown.getMessage()).contains("CRVS_PORT").contains("abc")
                .contains("CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS").contains("-1")
                .contains("CRVS_RSA_KEY_BITS").contains("1000");
        assertThat(thrown.problems()).hasSize(3);
    }

    @Test
    void loadWhenNothingSetThenOpenCrvsCompatibleDefaults() {
        var config = load(Map.of());
        assertThat(config.http().port()).isEqualTo(7070).isEqualTo(AppConfig.DEFAULT_PORT);
        assertThat(config.http().host()).isEqualTo("0.0.0.0");
        assertThat(config.http().trustedProxies()).isEmpty();
        assertThat(config.auth().systemTokenTtl()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.auth().issuer()).isEqualTo("opencrvs:auth-service");
        assertThat(config.auth().audiences()).hasSize(12).containsExactlyElementsOf(AuthConfig.OPENCRVS_AUDIENCES)
                .startsWith("opencrvs:auth-user", "opencrvs:user-mgnt-user").endsWith("opencrvs:documents-user");
        assertThat(config.auth().legacyQueryCredentials()).isTrue();
        assertThat(config.auth().rsaKeyBits()).isEqualTo(2048);
        assertThat(config.auth().privateKeyPem()).isEmpty();
        assertThat(config.auth().publicUrl().toString()).isEqualTo("http://localhost:7070");
        assertThat(config.throttle()).isEqualTo(ThrottleConfig.defaults());
        assertThat(config.environment()).isEqualTo("development");
        assertThat(config.isProduction()).isFalse();
        assertThat(config.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
        assertThat(config.serverKeyFile()).isEqualTo(config.dataDir().resolve("keys").resolve("server.key"));
        assertThat(config.database().url()).startsWith("jdbc:h2:file:" + config.dataDir().resolve("db"))
                .contains("AUTO_SERVER=TRUE");
        assertThat(config.preferJdkCrypto()).isFalse();
    }

    @Test
    void loadWhenValuesPaddedOrEmptyThenTrimmedOrDefaulted() {
        var env = new HashMap<String, String>();
        env.put("CRVS_PORT", " 8080 ");
        env.put("CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS", "");
        env.put("CRVS_ENV", "PRODUCTION");
        env.put("CRVS_SMTP_HOST", " smtp.example.org ");
        env.put("CRVS_SMTP_FROM", "crvs@example.org");
        env.put("CRVS_TRUSTED_PROXIES", " 10.0.0.1 , ,10.0.0.2");
        var config = load(env);
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.auth().systemTokenTtl()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.isProduction()).isTrue();
        assertThat(config.http().trustedProxies()).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2");
        assertThat(config.auth().publicUrl().toString()).isEqualTo("http://localhost:8080");
    }

    @Test
    void loadWhenProductionWithoutDeliveryChannelThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> load(Map.of("CRVS_ENV", "production")))
                .isInstanceOf(io.crvs.platform.config.ConfigException.class).hasMessageContaining("CRVS_SMTP_HOST");
        assertThatThrownBy(() -> load(Map.of("CRVS_ENV", "production", "CRVS_USER_NOTIFICATION_CHANNEL", "sms")))
                .isInstanceOf(io.crvs.platform.config.ConfigException.class).hasMessageContaining("CRVS_SMS_WEBHOOK_URL");
        var config = load(Map.of("CRVS_ENV", "production", "CRVS_USER_NOTIFICATION_CHANNEL", "sms",
                "CRVS_SMS_WEBHOOK_URL", "https://sms.example.org/send"));
        assertThat(config.users().login().development()).isFalse();
        assertThat(config.users().seedTestUsers()).isFalse();
    }

    @Test
    void loadWhenPortFlagGivenThenItWinsOverEnvironment() {
        var config = AppConfig.load(new Env(Map.of("CRVS_PORT", "8080")), dataDir, 9090);
        assertThat(config.http().port()).isEqualTo(9090);
    }

    @Test
    void loadWhenThrottleAndTokenSettingsGivenThenUsed() {
        var config = load(Map.of("CRVS_THROTTLE_CLIENT_FAILURES", "3", "CRVS_THROTTLE_ADDRESS_FAILURES", "6",
                "CRVS_THROTTLE_ACCOUNT_FAILURES", "8", "CRVS_THROTTLE_FIRST_LOCK_SECONDS", "30",
                "CRVS_THROTTLE_MAX_LOCK_SECONDS", "120", "CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS", "3600",
                "CRVS_LEGACY_QUERY_CREDENTIALS", "off", "CRVS_RSA_KEY_BITS", "3072"));
        assertThat(config.throttle()).isEqualTo(new ThrottleConfig(3, 6, 8, Duration.ofSeconds(30), Duration.ofSeconds(120)));
        assertThat(config.auth().systemTokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.auth().legacyQueryCredentials()).isFalse();
        assertThat(config.auth().rsaKeyBits()).isEqualTo(3072);
    }

    @Test
    void loadWhenEachSettingMalformedThenNamedInTheError() {
        var cases = Map.ofEntries(
                Map.entry("CRVS_PORT", "70000"),
                Map.entry("CRVS_ENV", "staging"),
                Map.entry("CRVS_MAX_BODY_BYTES", "10"),
                Map.entry("CRVS_DB_URL", "mysql://db/crvs"),
                Map.entry("CRVS_DB_POOL_SIZE", "0"),
                Map.entry("CRVS_RSA_KEY_BITS", "3000"),
                Map.entry("CRVS_LEGACY_QUERY_CREDENTIALS", "maybe"),
                Map.entry("CRVS_PUBLIC_URL", "ftp://crvs.example"),
                Map.entry("CRVS_TRUSTED_PROXIES", " , "),
                Map.entry("CRVS_TOKEN_AUDIENCES", ","),
                Map.entry("CRVS_CRYPTO_PROVIDER", "openssl"),
                Map.entry("CRVS_THROTTLE_CLIENT_FAILURES", "0"),
                Map.entry("CRVS_THROTTLE_FIRST_LOCK_SECONDS", "x"),
                Map.entry("CRVS_MAX_TOKEN_EXPIRY_SECONDS", "10"),
                Map.entry("CERT_PRIVATE_KEY_PATH", dataDir.resolve("missing.pem").toString()));
        cases.forEach((name, value) -> assertThat(failure(Map.of(name, value)).getMessage()).as(name).contains(name));
    }

    @Test
    void loadWhenCrossSettingRulesBrokenThenNamed() {
        assertThat(failure(Map.of("CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS", "7200", "CRVS_MAX_TOKEN_EXPIRY_SECONDS", "3600"))
                .getMessage()).contains("CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS").contains("CRVS_MAX_TOKEN_EXPIRY_SECONDS");
        assertThat(failure(Map.of("CERT_PUBLIC_KEY_PATH", dataDir.toString())).getMessage())
                .contains("CERT_PUBLIC_KEY_PATH").contains("CERT_PRIVATE_KEY_PATH");
    }

    @Test
    void loadWhenPostgresUrlThenUsedWithCredentials() {
        var config = load(Map.of("CRVS_DB_URL", "jdbc:postgresql://db:5432/crvs", "CRVS_DB_USER", "app",
                "CRVS_DB_PASSWORD", "pw", "CRVS_DB_POOL_SIZE", "4"));
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db:5432/crvs");
        assertThat(config.database().user()).isEqualTo("app");
        assertThat(config.database().password()).isEqualTo("pw");
        assertThat(config.database().poolSize()).isEqualTo(4);
    }

    @Test
    void configExceptionWhenThrownThenMessageNeverEchoesPasswords() {
        var thrown = failure(Map.of("CRVS_DB_PASSWORD", "hunter2-secret", "CRVS_PORT", "abc"));
        assertThat(thrown.getMessage()).contains("CRVS_PORT").doesNotContain("hunter2-secret");
    }
}
