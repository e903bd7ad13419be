package io.tradebook.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

/**
 * Encrypts broker credentials at rest with a Tink AEAD keyset (AES-256-GCM). Each ciphertext is
 * bound to a context (e.g. the connection id and the field), so a ciphertext copied to another row
 * or field does not decrypt. Thread-safe.
 *
 * <p>Refuses a keyset that is not a Tink JSON keyset of an AEAD key, and a ciphertext that was not
 * produced by this keyset for this context.
 */
public final class CredentialCipher {
    private final Aead aead;

    private CredentialCipher(Aead aead) {
        this.aead = aead;
    }

    /** A new AES-256-GCM keyset in Tink's JSON form: the master key to keep secret. */
    public static String newKeyset() {
        try {
            register();
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a keyset", e);
        }
    }

    /** The cipher of keyset {@code json} (as made by {@link #newKeyset()}). */
    public static CredentialCipher fromKeyset(String json) {
        try {
            register();
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return new CredentialCipher(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the master key is not a Tink AEAD keyset in JSON form", e);
        }
    }

    /** {@code plaintext} encrypted for {@code context}, as Base64. */
    public String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** The plaintext of {@code ciphertext} encrypted for {@code context}. */
    public String decrypt(String ciphertext, String context) {
        try {
            byte[] opened = aead.decrypt(Base64.getDecoder().decode(ciphertext), context.getBytes(StandardCharsets.UTF_8));
            return new String(opened, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the ciphertext does not decrypt with this master key for this context", e);
        }
    }

    private static void register() throws GeneralSecurityException {
        AeadConfig.register();
    }
}
