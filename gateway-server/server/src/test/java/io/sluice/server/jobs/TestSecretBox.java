package io.sluice.server.jobs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets sealed with the store's key: they open with it only, and a key file made here is the owner's alone. */
class TestSecretBox
{
    @Test
    void sealsAndOpensWithItsKeyOnly()
            throws Exception
    {
        Path directory = Files.createTempDirectory("sluice-secret");
        Path keyFile = directory.resolve("meta").resolve("secret.key");
        SecretBox box = SecretBox.open(null, keyFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String sealed = box.seal("{\"secret-key\":\"hush\"}");
        assertThat(sealed).doesNotContain("hush");
        assertThat(box.seal("{\"secret-key\":\"hush\"}")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("{\"secret-key\":\"hush\"}");
        // Opened again from the same file: the same key.
        assertThat(SecretBox.open("", keyFile).open(sealed)).isEqualTo("{\"secret-key\":\"hush\"}");

        SecretBox other = SecretBox.open(Base64.getEncoder().encodeToString(new byte[32]), keyFile);
        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("sealed with another key (metastore.secret-key) or changed")
                .hasMessageNotContaining("hush");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.open(tampered)).hasMessageContaining("or changed");
        assertThatThrownBy(() -> SecretBox.open("c2hvcnQ=", keyFile)).hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> SecretBox.open("not base64!", keyFile)).hasMessageContaining("is not Base64");
    }
}
