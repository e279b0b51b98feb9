package io.crvs.auth.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/**
 * Reads and writes RSA keys as PEM: private keys in PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, what {@code openssl genrsa} made for OpenCRVS deployments), public keys as
 * SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}).
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemFiles() {
    }

    public static RSAPrivateCrtKey readPrivate(Path file) throws IOException {
        var block = block(file);
        try {
            var factory = KeyFactory.getInstance("RSA");
            var key = switch (block.type()) {
                case "PRIVATE KEY" -> factory.generatePrivate(new PKCS8EncodedKeySpec(block.der()));
                case "RSA PRIVATE KEY" -> factory.generatePrivate(pkcs1(block.der()));
                default -> throw new IOException(file + " holds a " + block.type() + ", not an RSA private key");
            };
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IOException(file + " is not an RSA private key with CRT parameters");
            }
            return crt;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not a readable RSA private key: " + e.getMessage(), e);
        }
    }

    public static RSAPublicKey readPublic(Path file) throws IOException {
        var block = block(file);
        if (!"PUBLIC KEY".equals(block.type())) {
            throw new IOException(file + " holds a " + block.type() + ", expected a PUBLIC KEY");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(file + " is not a readable RSA public key: " + e.getMessage(), e);
        }
    }

    public static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String privatePem(RSAPrivateCrtKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicPem(RSAPublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        var body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static RSAPrivateCrtKeySpec pkcs1(byte[] der) {
        var k = RSAPrivateKey.getInstance(der);
        return new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrime1(), k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient());
    }

    private static Block block(Path file) throws IOException {
        var text = Files.readString(file, StandardCharsets.US_ASCII);
        var matcher = BLOCK.matcher(text);
        if (!matcher.find()) {
            throw new IOException(file + " is not a PEM file");
        }
        var der = Base64.getMimeDecoder().decode(matcher.group(2));
        return new Block(matcher.group(1), der);
    }

    private record Block(String type, byte[] der) {
    }
}
