package io.crvs.auth.key;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider used for RSA signing and verification: Amazon Corretto Crypto Provider (native AWS-LC) where
 * it loads, otherwise the JDK's own. Keys must be converted by the provider's own {@code KeyFactory}, or the native
 * provider signs no faster than the JDK. Immutable.
 */
public final class CryptoProvider {
    private static final Logger LOG = LoggerFactory.getLogger(CryptoProvider.class);
    private final Optional<Provider> provider;

    private CryptoProvider(Optional<Provider> provider) {
        this.provider = provider;
    }

    /** Loads ACCP unless {@code preferJdk}; falls back to the JDK provider and says so in the log. */
    public static CryptoProvider load(boolean preferJdk) {
        if (preferJdk) {
            LOG.info("RSA signing uses the JDK's provider (configured)");
            return new CryptoProvider(Optional.empty());
        }
        try {
            var accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() == null) {
                accp.assertHealthy();
                LOG.info("RSA signing uses {} {} (native AWS-LC)", accp.getName(), accp.getVersionStr());
                return new CryptoProvider(Optional.of(accp));
            }
            LOG.warn("Amazon Corretto Crypto Provider did not load ({}); RSA signing falls back to the JDK's provider, about half as fast",
                    accp.getLoadingError().toString());
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("Amazon Corretto Crypto Provider is unavailable ({}); RSA signing falls back to the JDK's provider", e.toString());
        }
        return new CryptoProvider(Optional.empty());
    }

    /** The provider to hand to Nimbus, or empty for the JDK default. */
    public Optional<Provider> provider() {
        return provider;
    }

    public String name() {
        return provider.map(Provider::getName).orElse("JDK (SunRsaSign)");
    }

    /** Re-creates {@code key} inside the chosen provider so that signing runs natively. */
    public RSAPrivateKey adopt(RSAPrivateKey key) {
        if (provider.isEmpty()) {
            return key;
        }
        try {
            var factory = KeyFactory.getInstance("RSA", provider.get());
            return (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot convert the signing key for " + name(), e);
        }
    }
}
