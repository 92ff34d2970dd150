package io.sluice.server.auth;

import io.sluice.metastore.TokenStore;
import io.sluice.metastore.TokenStore.TokenRecord;
import io.sluice.server.jobs.Access;
import io.sluice.server.jobs.Names;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Sluice API tokens ({@code auth.providers=token}): {@code CREATE TOKEN name [EXPIRES 'ts']} makes a secret of 256
 * random bits, {@code sluice_} and 43 URL-safe characters, shown once; only its SHA-256 is stored. A token is a bearer
 * token over Thrift HTTP and REST, and the password of its owner (or of the user {@code token}) over the binary port;
 * it logs in as its owner until it expires or is dropped, with only the roles it was scoped to ({@code ROLES (...)}),
 * when it was. {@code SHOW TOKENS} lists the caller's (an administrator's:
 * everyone's), never a secret.
 */
public final class TokenService
        implements AuthenticationProvider
{
    public static final String SECRET_PREFIX = "sluice_";
    public static final String TOKEN_USER = "token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenStore store;
    private final Clock clock;

    /** A token just made: the only time its secret is known. */
    public record Created(TokenRecord token, String secret) {}

    public TokenService(TokenStore store, Clock clock)
    {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Created create(String owner, String name, Optional<Instant> expires)
    {
        return create(owner, name, expires, List.of());
    }

    /** A token whose logins use only {@code roles} of its owner's (all of them when empty). */
    public Created create(String owner, String name, Optional<Instant> expires, List<String> roles)
    {
        Names.check("token", name);
        roles.forEach(role -> Names.check("role", role));
        Instant now = clock.instant();
        if (expires.isPresent() && !expires.get().isAfter(now)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The token %s would expire at %s, which has passed", name, expires.get()));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        TokenRecord token = new TokenRecord(owner, name, digest(secret), roles.stream().map(role -> role.toLowerCase(java.util.Locale.ROOT)).distinct().toList(), now, expires,
                Optional.empty());
        store.insert(token);
        return new Created(token, secret);
    }

    public List<TokenRecord> list(Access access)
    {
        return store.list(access.admin() ? Optional.empty() : Optional.of(access.user()));
    }

    /** Drops the caller's token of that name. */
    public void drop(Access access, String name, boolean ifExists)
    {
        if (!store.delete(access.user(), name) && !ifExists) {
            throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, format("No token %s", name));
        }
    }

    @Override
    public String name()
    {
        return "token";
    }

    @Override
    public Optional<Login> bearer(String token)
    {
        if (!token.startsWith(SECRET_PREFIX) || token.length() > 128) {
            return Optional.empty();
        }
        String hash = digest(token);
        Optional<TokenRecord> found = store.bySecretHash(hash);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().expires().map(expires -> !expires.isAfter(now)).orElse(false)) {
            return Optional.empty();
        }
        store.touch(hash, now);
        return Optional.of(new Login(found.get().owner(), java.util.Set.of(), name(), found.get().expires(),
                found.get().roles().isEmpty() ? Optional.empty() : Optional.of(java.util.Set.copyOf(found.get().roles()))));
    }

    @Override
    public Optional<Login> password(String user, String password)
    {
        return bearer(password).filter(login -> login.user().equals(user) || user.equals(TOKEN_USER));
    }

    static String digest(String secret)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
