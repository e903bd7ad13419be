package io.tradebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master key file, credential encryption, token signing and password hashes. */
class SecretsTest {
    @TempDir
    Path dir;

    @Test
    void aSecretFileIsCreatedOnceWithOwnerOnlyPermissionsAndAGivenValueWins() throws Exception {
        Path file = dir.resolve("keys/master-key.json");
        String first = SecretSource.file(file).load(CredentialCipher::newKeyset);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretSource.file(file).load(() -> "never used")).isEqualTo(first);
        assertThat(new SecretSource("given", file).load(() -> "never used")).isEqualTo("given");
        assertThat(new SecretSource("s3cr3t-value", file).toString()).doesNotContain("s3cr3t");
        Files.writeString(dir.resolve("empty"), "  ");
        assertThatThrownBy(() -> SecretSource.file(dir.resolve("empty")).load(() -> "x")).hasMessageContaining("empty");
    }

    @Test
    void credentialsDecryptOnlyWithTheirKeyAndTheirContext() {
        CredentialCipher cipher = CredentialCipher.fromKeyset(CredentialCipher.newKeyset());
        String sealed = cipher.encrypt("s3cr3t", "broker_connections:1:api_key");
        assertThat(sealed).doesNotContain("s3cr3t");
        assertThat(cipher.encrypt("s3cr3t", "broker_connections:1:api_key")).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed, "broker_connections:1:api_key")).isEqualTo("s3cr3t");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "broker_connections:2:api_key")).isInstanceOf(IllegalArgumentException.class);
        CredentialCipher other = CredentialCipher.fromKeyset(CredentialCipher.newKeyset());
        assertThatThrownBy(() -> other.decrypt(sealed, "broker_connections:1:api_key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CredentialCipher.fromKeyset("{\"not\":\"a keyset\"}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accessTokensAreSignedExpireAndNameTheSession() {
        byte[] key = Base64.getDecoder().decode(SecretTokens.newKey(32));
        Clock t0 = Clock.fixed(Instant.parse("2026-03-02T14:30:00Z"), ZoneOffset.UTC);
        AccessTokens tokens = new AccessTokens(key, Duration.ofMinutes(15), t0);
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        String token = tokens.issue(user, session);
        assertThat(tokens.verify(token)).hasValueSatisfying(c -> {
            assertThat(c.userId()).isEqualTo(user);
            assertThat(c.sessionId()).isEqualTo(session);
        });
        assertThat(new AccessTokens(key, Duration.ofMinutes(15), Clock.offset(t0, Duration.ofMinutes(16))).verify(token)).isEmpty();
        byte[] otherKey = Base64.getDecoder().decode(SecretTokens.newKey(32));
        assertThat(new AccessTokens(otherKey, Duration.ofMinutes(15), t0).verify(token)).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + "xx")).isEmpty();
        assertThatThrownBy(() -> new AccessTokens(new byte[16], Duration.ofMinutes(1), t0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsAreSlowSaltedHashes() {
        PasswordHasher hasher = new PasswordHasher(10);
        String hash = hasher.hash("Correct-horse-9");
        assertThat(hash).startsWith("$2a$10$").isNotEqualTo(hasher.hash("Correct-horse-9"));
        assertThat(hasher.matches("Correct-horse-9", hash)).isTrue();
        assertThat(hasher.matches("correct-horse-9", hash)).isFalse();
        assertThat(hasher.matches("x", "not a hash")).isFalse();
        assertThatThrownBy(() -> new PasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
