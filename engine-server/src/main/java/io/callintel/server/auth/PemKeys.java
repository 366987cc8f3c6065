package io.callintel.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads an RSA public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
public final class PemKeys {

    private PemKeys() {}

    public static RSAPublicKey rsaPublicKey(Path pem) {
        try {
            String text = Files.readString(pem);
            if (!text.contains("-----BEGIN PUBLIC KEY-----")) {
                throw new IllegalArgumentException(
                        pem + " is not a PEM public key (expected -----BEGIN PUBLIC KEY-----)");
            }
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key " + pem, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "the JWT public key " + pem + " is not an RSA public key: " + e.getMessage(), e);
        }
    }
}
