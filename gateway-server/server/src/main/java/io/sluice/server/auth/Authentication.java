package io.sluice.server.auth;

import io.sluice.server.audit.AuditLog;
import io.sluice.server.config.Settings;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The configured authentication: {@code auth.providers}, a comma list tried in order (the first that accepts wins):
 * {@code none} (the default) accepts anyone with any password, so Sluice then listens on loopback only unless
 * {@code auth.none.allow-remote=true}; {@code password-file} ({@link PasswordFile}), {@code ldap}
 * ({@link LdapAuthenticator}), {@code jwt} ({@link JwtAuthenticator}) and {@code token} ({@link TokenService}). With
 * any provider but {@code none}, the binary port refuses NOSASL and Thrift HTTP and REST need Basic or Bearer
 * credentials. Every login the providers decide is audited; over HTTP, where each request carries the credentials, an
 * accepted {@code Authorization} header is remembered (as a digest) for {@code auth.http.cache-ttl} (60s), so that
 * neither bcrypt nor the directory is asked per request.
 */
public final class Authentication
        implements AutoCloseable
{
    public static final String PROVIDERS = "auth.providers";
    public static final String ALLOW_REMOTE_NONE = "auth.none.allow-remote";
    public static final String HTTP_CACHE_TTL = "auth.http.cache-ttl";
    /** Credentials longer than these are refused unread. */
    public static final int MAX_USER = 256;
    public static final int MAX_SECRET = 8192;
    private static final List<String> KNOWN = List.of("none", "password-file", "ldap", "jwt", "token");
    private static final int CACHED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(Authentication.class);

    private final List<AuthenticationProvider> providers;
    private final boolean required;
    private final Optional<LoginGuard> guard;
    private final Optional<AuditLog> audit;
    private final long cacheNanos;
    private final ExpiringCache<Login> accepted = new ExpiringCache<>(CACHED);

    private Authentication(List<AuthenticationProvider> providers, boolean required, Optional<LoginGuard> guard, Optional<AuditLog> audit, Duration cacheTtl)
    {
        this.providers = List.copyOf(providers);
        this.required = required;
        this.guard = requireNonNull(guard, "guard is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.cacheNanos = cacheTtl.toNanos();
    }

    /** Checks the providers' settings (and that {@code none} listens on loopback only) without connecting anywhere. */
    public static List<String> providers(Settings settings, String host)
    {
        List<String> providers = Arrays.stream(settings.getString(PROVIDERS, "none").split(","))
                .map(provider -> provider.strip().toLowerCase(Locale.ROOT))
                .filter(provider -> !provider.isEmpty())
                .toList();
        if (providers.isEmpty()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, PROVIDERS + " is empty: name none, password-file, ldap, jwt or token");
        }
        for (String provider : providers) {
            if (!KNOWN.contains(provider)) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Unknown provider '%s' in %s; known: %s", provider, PROVIDERS, String.join(", ", KNOWN)));
            }
        }
        if (providers.contains("none") && !loopback(host) && !Boolean.parseBoolean(settings.getString(ALLOW_REMOTE_NONE, "false"))) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("With %s=none anyone may connect with any password: Sluice listens on loopback only, "
                    + "not on %s (server.host), unless %s=true", PROVIDERS, host, ALLOW_REMOTE_NONE));
        }
        return providers;
    }

    /** The authentication without API tokens or audit (tests and tools). */
    public static Authentication from(Settings settings, String host)
    {
        return from(settings, host, Optional.empty(), Optional.empty());
    }

    public static Authentication from(Settings settings, String host, Optional<TokenService> tokens, Optional<AuditLog> audit)
    {
        List<String> names = providers(settings, host);
        Duration cacheTtl = settings.getDuration(HTTP_CACHE_TTL, Duration.ofSeconds(60));
        if (names.contains("none")) {
            return new Authentication(List.of(), false, Optional.empty(), audit, cacheTtl);
        }
        List<AuthenticationProvider> providers = new ArrayList<>();
        try {
            for (String name : names) {
                providers.add(switch (name) {
                    case "password-file" -> {
                        PasswordFile file = new PasswordFile(Path.of(settings.getString(PasswordFile.PATH, "conf/passwords")));
                        yield new AuthenticationProvider()
                        {
                            @Override
                            public String name()
                            {
                                return "password-file";
                            }

                            @Override
                            public Optional<Login> password(String user, String password)
                            {
                                return file.verify(user, password) ? Optional.of(Login.of(user, name())) : Optional.empty();
                            }
                        };
                    }
                    case "ldap" -> new LdapAuthenticator(settings);
                    case "jwt" -> new JwtAuthenticator(settings);
                    case "token" -> tokens.orElseThrow(() -> new SluiceException(ErrorCode.INVALID_ARGUMENT, "auth.providers=token needs the metadata store"));
                    default -> throw new IllegalStateException(name);
                });
            }
        }
        catch (RuntimeException e) {
            providers.forEach(Authentication::closeQuietly);
            throw e;
        }
        return new Authentication(providers, true, Optional.of(new LoginGuard(settings.getDuration(LoginGuard.MAX_DELAY, Duration.ofSeconds(2)))), audit, cacheTtl);
    }

    /** Whether a client must prove who it is (any provider but {@code none}). */
    public boolean required()
    {
        return required;
    }

    public Optional<LoginGuard> guard()
    {
        return guard;
    }

    /**
     * A user and password from {@code transport} ({@code binary}, {@code http}, {@code rest}); the login, or
     * {@link ErrorCode#AUTHENTICATION_FAILED} with the one message for every refusal.
     */
    public Login password(String user, String password, String address, String transport)
    {
        if (!required) {
            return Login.of(user, "none");
        }
        Optional<Login> login = guard.orElseThrow().attempt(user, address, () -> {
            if (user.isEmpty() || user.length() > MAX_USER || password.length() > MAX_SECRET) {
                return Optional.empty();
            }
            return first(provider -> provider.password(user, password));
        });
        audited(login, user, address, transport);
        return login.orElseThrow(() -> new SluiceException(ErrorCode.AUTHENTICATION_FAILED, LoginGuard.message(user)));
    }

    /** A bearer token (a JWT or a Sluice API token) from {@code transport}. */
    public Login bearer(String token, String address, String transport)
    {
        if (!required) {
            throw new SluiceException(ErrorCode.AUTHENTICATION_FAILED, format("Bearer tokens are not accepted while %s=none: send Basic credentials naming the user", PROVIDERS));
        }
        Optional<Login> login = guard.orElseThrow().attempt("\u0000bearer", address, () -> {
            if (token.isEmpty() || token.length() > MAX_SECRET) {
                return Optional.empty();
            }
            return first(provider -> provider.bearer(token));
        });
        audited(login, login.map(Login::user).orElse(""), address, transport + " bearer");
        return login.orElseThrow(() -> new SluiceException(ErrorCode.AUTHENTICATION_FAILED, "authentication failed for the bearer token"));
    }

    /**
     * An HTTP {@code Authorization} header ({@code Basic} or {@code Bearer}). Empty when there is none and none is
     * needed; {@link ErrorCode#AUTHENTICATION_FAILED} when one is needed and missing, malformed or refused.
     */
    public Optional<Login> authorization(String header, String address, String transport)
    {
        if (header == null || header.isBlank()) {
            if (required) {
                throw new SluiceException(ErrorCode.AUTHENTICATION_FAILED, "Authentication required: send Basic or Bearer credentials");
            }
            return Optional.empty();
        }
        if (header.length() > MAX_SECRET) {
            throw new SluiceException(ErrorCode.AUTHENTICATION_FAILED, "The Authorization header is longer than " + MAX_SECRET + " characters");
        }
        boolean bearer = header.regionMatches(true, 0, "Bearer ", 0, 7);
        String[] basic = bearer ? null : BasicCredentials.parse(header);
        if (!bearer && (basic == null || basic[0].isEmpty())) {
            throw new SluiceException(ErrorCode.AUTHENTICATION_FAILED, "Authentication required: send Basic or Bearer credentials (the Authorization header does not read)");
        }
        if (!required) {
            return Optional.of(bearer ? bearer(header.substring(7).strip(), address, transport) : Login.of(basic[0], "none"));
        }
        String key = TokenService.digest(header);
        Optional<Login> remembered = accepted.get(key);
        if (remembered.isPresent()) {
            return remembered;
        }
        Login login = bearer ? bearer(header.substring(7).strip(), address, transport) : password(basic[0], basic[1], address, transport);
        long keepNanos = login.expires()
                .map(expires -> Math.min(cacheNanos, Math.max(0, Duration.between(java.time.Instant.now(), expires).toNanos())))
                .orElse(cacheNanos);
        accepted.put(key, login, keepNanos);
        return Optional.of(login);
    }

    /** The first provider's login that accepts; a provider that fails is logged and passed over, never the end of the server's answer. */
    private Optional<Login> first(Function<AuthenticationProvider, Optional<Login>> attempt)
    {
        for (AuthenticationProvider provider : providers) {
            try {
                Optional<Login> accepted = attempt.apply(provider);
                if (accepted.isPresent()) {
                    return accepted;
                }
            }
            catch (RuntimeException e) {
                log.warn("The {} authentication provider failed: {}", provider.name(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    private void audited(Optional<Login> login, String user, String address, String transport)
    {
        audit.ifPresent(log -> log.record(AuditLog.Kind.LOGIN, login.map(Login::user).orElse(user), address, login.isPresent(), Optional.empty(), List.of(),
                transport + login.map(accepted -> " via " + accepted.provider()).orElse(" refused")));
    }

    /** Forgets remembered HTTP logins (when a token is dropped, so that it stops working at once). */
    public void forgetRemembered()
    {
        accepted.clear();
    }

    private static boolean loopback(String host)
    {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        }
        catch (UnknownHostException e) {
            return false;
        }
    }

    private static void closeQuietly(AuthenticationProvider provider)
    {
        if (provider instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close()
    {
        providers.forEach(Authentication::closeQuietly);
    }
}
