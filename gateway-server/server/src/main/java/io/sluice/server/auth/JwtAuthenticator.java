package io.sluice.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.sluice.server.config.Settings;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.lang.String.format;

/**
 * JWT bearer tokens ({@code auth.providers=jwt}): signed with RSA or EC keys from {@code auth.jwt.jwks-url} (fetched
 * and cached) or {@code auth.jwt.key-file} (a JWK set, a PEM public key or certificate); {@code auth.jwt.issuer} and
 * {@code auth.jwt.audience} must match when set; {@code exp} is required and checked with
 * {@code auth.jwt.max-clock-skew} (60s). The user is the {@code auth.jwt.user-claim} ({@code sub}); groups come from
 * {@code auth.jwt.groups-claim} when set. Unsigned and HMAC tokens are refused (a key file holds public keys only).
 * Over the binary port a token is accepted as the password of the user it names.
 */
public final class JwtAuthenticator
        implements AuthenticationProvider
{
    public static final String PREFIX = "auth.jwt.";
    private static final Logger log = LoggerFactory.getLogger(JwtAuthenticator.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
            JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String userClaim;
    private final Optional<String> groupsClaim;

    public JwtAuthenticator(Settings settings)
    {
        String jwksUrl = settings.getString(PREFIX + "jwks-url", null);
        String keyFile = settings.getString(PREFIX + "key-file", null);
        boolean hasUrl = jwksUrl != null && !jwksUrl.isBlank();
        boolean hasFile = keyFile != null && !keyFile.isBlank();
        if (hasUrl == hasFile) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "auth.providers=jwt needs one of auth.jwt.jwks-url and auth.jwt.key-file");
        }
        JWKSource<SecurityContext> keys;
        if (hasUrl) {
            try {
                keys = JWKSourceBuilder.<SecurityContext>create(URI.create(jwksUrl.strip()).toURL()).build();
            }
            catch (MalformedURLException | IllegalArgumentException e) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("auth.jwt.jwks-url '%s' is not a URL", jwksUrl), e);
            }
        }
        else {
            keys = new ImmutableJWKSet<>(readKeys(Path.of(keyFile.strip())));
        }
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        this.userClaim = settings.getString(PREFIX + "user-claim", "sub");
        this.groupsClaim = Optional.ofNullable(settings.getString(PREFIX + "groups-claim", null)).filter(claim -> !claim.isBlank());
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        Optional.ofNullable(settings.getString(PREFIX + "issuer", null)).filter(value -> !value.isBlank()).ifPresent(exact::issuer);
        Set<String> audience = Optional.ofNullable(settings.getString(PREFIX + "audience", null)).filter(value -> !value.isBlank()).map(Set::of).orElse(null);
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience, exact.build(), Set.of("exp", userClaim), Set.of());
        claims.setMaxClockSkew((int) settings.getDuration(PREFIX + "max-clock-skew", Duration.ofSeconds(60)).toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** A JWK set (or one JWK) in JSON, or PEM public keys and certificates. */
    static JWKSet readKeys(Path file)
    {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Cannot read auth.jwt.key-file %s: %s", file, e.getMessage()), e);
        }
        try {
            if (text.startsWith("{")) {
                JWKSet set = text.contains("\"keys\"") ? JWKSet.parse(text) : new JWKSet(JWK.parse(text));
                if (set.getKeys().stream().anyMatch(JWK::isPrivate) || set.getKeys().stream().anyMatch(key -> !(key instanceof RSAKey || key instanceof ECKey))) {
                    throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("auth.jwt.key-file %s must hold public RSA or EC keys only", file));
                }
                return set;
            }
            List<JWK> keys = new ArrayList<>();
            Matcher pem = PEM.matcher(text);
            while (pem.find()) {
                byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
                PublicKey key = switch (pem.group(1)) {
                    case "PUBLIC KEY" -> publicKey(der);
                    case "CERTIFICATE" -> ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))).getPublicKey();
                    default -> throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("auth.jwt.key-file %s holds a %s; it takes public keys and certificates", file, pem.group(1)));
                };
                keys.add(key instanceof RSAPublicKey rsa ? new RSAKey.Builder(rsa).build() : new ECKey.Builder(com.nimbusds.jose.jwk.Curve.forECParameterSpec(((ECPublicKey) key).getParams()), (ECPublicKey) key).build());
            }
            if (keys.isEmpty()) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("auth.jwt.key-file %s holds no JWK set, PEM public key or certificate", file));
            }
            return new JWKSet(keys);
        }
        catch (ParseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("auth.jwt.key-file %s does not read: %s", file, e.getMessage()), e);
        }
    }

    private static PublicKey publicKey(byte[] der)
            throws GeneralSecurityException
    {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
        catch (GeneralSecurityException e) {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    @Override
    public String name()
    {
        return "jwt";
    }

    @Override
    public Optional<Login> bearer(String token)
    {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            String user = claims.getStringClaim(userClaim);
            if (user == null || user.isBlank()) {
                return Optional.empty();
            }
            Set<String> groups = new LinkedHashSet<>();
            if (groupsClaim.isPresent()) {
                Object value = claims.getClaim(groupsClaim.get());
                if (value instanceof List<?> list) {
                    list.forEach(group -> groups.add(String.valueOf(group)));
                }
                else if (value instanceof String text) {
                    groups.add(text);
                }
            }
            return Optional.of(new Login(user, new HashSet<>(groups), name(), Optional.ofNullable(claims.getExpirationTime()).map(java.util.Date::toInstant), Optional.empty()));
        }
        catch (ParseException | BadJOSEException | JOSEException e) {
            log.info("JWT refused: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<Login> password(String user, String password)
    {
        return bearer(password).filter(login -> login.user().equals(user));
    }
}
