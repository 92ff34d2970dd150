package io.sluice.server.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** An RSA key of the test's, its public JWK set in a file (for {@code auth.jwt.key-file}), and tokens it signs. */
public record TestJwts(RSAKey key, Path keyFile, String issuer)
{
    public static TestJwts create(String issuer)
    {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
            Path file = Files.createTempDirectory("sluice-jwt").resolve("jwks.json");
            Files.writeString(file, new JWKSet(key.toPublicJWK()).toString(), StandardCharsets.UTF_8);
            return new TestJwts(key, file, issuer);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for the subject from {@code issuer}, for the audience {@code sluice}, with these groups (a {@code groups} claim). */
    public String sign(String subject, String issuer, Instant expires, List<String> groups)
    {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience("sluice").expirationTime(Date.from(expires));
            if (!groups.isEmpty()) {
                claims.claim("groups", groups);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(String subject, Instant expires)
    {
        return sign(subject, issuer, expires, List.of());
    }
}
