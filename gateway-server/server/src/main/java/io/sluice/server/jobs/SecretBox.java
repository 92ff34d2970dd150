package io.sluice.server.jobs;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import static java.util.Objects.requireNonNull;

/**
 * Seals secrets (a storage's keys) with AES-256-GCM before they reach the metadata store, and opens them when a job
 * needs them. The key is {@code metastore.secret-key} (32 bytes, Base64) when configured — the same on every instance
 * sharing a store — else a key file under the data directory, made once with owner-only permissions.
 */
public final class SecretBox
{
    public static final String SECRET_KEY = "metastore.secret-key";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key)
    {
        if (key.length != 32) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, SECRET_KEY + " must be 32 bytes in Base64, not " + key.length + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The configured key (Base64), or the key file {@code keyFile}, made when missing. */
    public static SecretBox open(String configuredKey, Path keyFile)
    {
        requireNonNull(keyFile, "keyFile is null");
        if (configuredKey != null && !configuredKey.isBlank()) {
            try {
                return new SecretBox(Base64.getDecoder().decode(configuredKey.strip()));
            }
            catch (IllegalArgumentException e) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, SECRET_KEY + " is not Base64");
            }
        }
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(keyFile.getParent());
                try {
                    // Owner-only from its creation: the key is never readable by others, not even for a moment.
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the directory's permissions guard it.
                    Files.createFile(keyFile);
                }
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.TRUNCATE_EXISTING);
            }
            return new SecretBox(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
        }
        catch (IOException | IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot read or make the secret key file " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** The sealed text: Base64 of nonce and ciphertext. */
    public String seal(String plainText)
    {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            byte[] message = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, message, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, message, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(message);
        }
        catch (GeneralSecurityException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot seal a secret: " + e.getMessage(), e);
        }
    }

    /** Opens sealed text; fails (without the text) when it was sealed with another key or changed. */
    public String open(String sealedText)
    {
        try {
            byte[] message = Base64.getDecoder().decode(sealedText);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, message, 0, NONCE_BYTES));
            return new String(cipher.doFinal(message, NONCE_BYTES, message.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "A stored secret cannot be opened: it was sealed with another key ("
                    + SECRET_KEY + ") or changed");
        }
    }
}
