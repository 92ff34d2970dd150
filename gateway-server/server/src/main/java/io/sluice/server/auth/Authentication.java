package io.sluice.server.auth;

import io.sluice.server.config.Settings;
import io.sluice.server.thrift.PasswordCheck;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The configured authentication: {@code auth.providers}, a comma list tried in order (the first that accepts wins).
 * {@code none} (the default) accepts anyone with any password, so Sluice then listens on loopback only unless
 * {@code auth.none.allow-remote=true}; {@code password-file} checks {@link PasswordFile}. With any provider but
 * {@code none}, the binary port refuses NOSASL and REST asks for Basic credentials.
 */
public record Authentication(PasswordCheck check, boolean required, Optional<LoginGuard> guard)
{
    public static final String PROVIDERS = "auth.providers";
    public static final String ALLOW_REMOTE_NONE = "auth.none.allow-remote";
    private static final List<String> KNOWN = List.of("none", "password-file", "ldap", "jwt", "token");

    public Authentication
    {
        requireNonNull(check, "check is null");
        requireNonNull(guard, "guard is null");
    }

    public static Authentication from(Settings settings, String host)
    {
        List<String> providers = Arrays.stream(settings.getString(PROVIDERS, "none").split(","))
                .map(provider -> provider.strip().toLowerCase(Locale.ROOT))
                .filter(provider -> !provider.isEmpty())
                .toList();
        if (providers.isEmpty()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, PROVIDERS + " is empty: name none, password-file, ...");
        }
        List<LoginGuard.Verifier> verifiers = new ArrayList<>();
        for (String provider : providers) {
            if (!KNOWN.contains(provider)) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Unknown provider '%s' in %s; known: %s", provider, PROVIDERS, String.join(", ", KNOWN)));
            }
            switch (provider) {
                case "none" -> verifiers.add((user, password) -> true);
                case "password-file" -> {
                    PasswordFile file = new PasswordFile(Path.of(settings.getString(PasswordFile.PATH, "conf/passwords")));
                    verifiers.add(file::verify);
                }
                default -> throw new SluiceException(ErrorCode.NOT_SUPPORTED, format("The %s provider of %s is not available yet; use none or password-file",
                        provider, PROVIDERS));
            }
        }
        if (providers.contains("none")) {
            if (!loopback(host) && !Boolean.parseBoolean(settings.getString(ALLOW_REMOTE_NONE, "false"))) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("With %s=none anyone may connect with any password: Sluice listens on loopback only, "
                        + "not on %s (server.host), unless %s=true", PROVIDERS, host, ALLOW_REMOTE_NONE));
            }
            return new Authentication((user, password, address) -> null, false, Optional.empty());
        }
        LoginGuard guard = new LoginGuard((user, password) -> verifiers.stream().anyMatch(verifier -> verifier.verify(user, password)),
                settings.getDuration(LoginGuard.MAX_DELAY, Duration.ofSeconds(2)));
        return new Authentication(guard, true, Optional.of(guard));
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
}
