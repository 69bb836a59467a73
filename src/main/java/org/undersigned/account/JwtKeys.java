package org.undersigned.account;

import io.quarkus.logging.Log;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key pair that signs admin tokens (RS256). Production takes both keys from configuration
 * and refuses to start without them. Dev and test generate a pair at first start instead; dev
 * keeps it in a private directory outside the repository. No private key is ever committed.
 */
@ApplicationScoped
public class JwtKeys {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    @Inject
    public JwtKeys(AuthConfig config) {
        try {
            Optional<String> privatePem = pem(config.privateKey(), config.privateKeyLocation());
            Optional<String> publicPem = pem(config.publicKey(), config.publicKeyLocation());
            if (privatePem.isPresent() && publicPem.isPresent()) {
                privateKey = KeyUtils.decodePrivateKey(privatePem.get());
                publicKey = KeyUtils.decodePublicKey(publicPem.get());
            } else if (config.generateKeys()) {
                KeyPair pair = config.generatedKeyDir().isPresent()
                        ? loadOrCreate(config.generatedKeyDir().get())
                        : KeyUtils.generateKeyPair(2048);
                privateKey = pair.getPrivate();
                publicKey = pair.getPublic();
            } else {
                throw new IllegalStateException("No key pair for signing admin tokens. Set UNDERSIGNED_AUTH_PRIVATE_KEY "
                        + "and UNDERSIGNED_AUTH_PUBLIC_KEY (PEM), or UNDERSIGNED_AUTH_PRIVATE_KEY_LOCATION and "
                        + "UNDERSIGNED_AUTH_PUBLIC_KEY_LOCATION; see docs/operations.md.");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The configured admin token keys cannot be read", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    private static Optional<String> pem(Optional<String> inline, Optional<Path> location) throws IOException {
        if (inline.isPresent() && !inline.get().isBlank()) {
            return inline;
        }
        return location.isPresent() ? Optional.of(Files.readString(location.get())) : Optional.empty();
    }

    private static KeyPair loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve("admin-token-private.pem");
        Path publicFile = dir.resolve("admin-token-public.pem");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return new KeyPair(KeyUtils.decodePublicKey(Files.readString(publicFile)),
                    KeyUtils.decodePrivateKey(Files.readString(privateFile)));
        }
        KeyPair pair = KeyUtils.generateKeyPair(2048);
        Files.createDirectories(dir);
        write(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
        write(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded());
        Log.infof("Generated a development key pair for admin tokens in %s", dir);
        return pair;
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the directory's own permissions apply.
        }
    }
}
