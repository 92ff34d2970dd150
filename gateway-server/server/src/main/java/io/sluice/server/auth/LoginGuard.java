package io.sluice.server.auth;

import io.sluice.server.thrift.PasswordCheck;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Failed logins: the same answer whatever was wrong ("authentication failed for user 'x'"), nothing about the
 * password anywhere, and after three failures in a row of one user from one address a delay before each answer that
 * doubles per failure up to {@code auth.failed-login-max-delay} (2s). At most 10,000 user-address pairs are remembered
 * (the oldest forgotten), so a flood of failures grows no memory; a success forgets the pair.
 */
public final class LoginGuard
        implements PasswordCheck
{
    public static final String MAX_DELAY = "auth.failed-login-max-delay";
    private static final int FREE_FAILURES = 3;
    private static final int REMEMBERED = 10_000;

    /** The provider chain under the guard: true when one accepts the user and password. */
    public interface Verifier
    {
        boolean verify(String user, String password);
    }

    private final Verifier verifier;
    private final long maxDelayMillis;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true)
    {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest)
        {
            return size() > REMEMBERED;
        }
    };

    public LoginGuard(Verifier verifier, Duration maxDelay)
    {
        this.verifier = requireNonNull(verifier, "verifier is null");
        this.maxDelayMillis = requireNonNull(maxDelay, "maxDelay is null").toMillis();
    }

    @Override
    public String check(String user, String password, String address)
    {
        String key = user.length() > 256 ? user.substring(0, 256) : user;
        key = key + "\u0000" + address;
        int failed;
        synchronized (failures) {
            failed = failures.getOrDefault(key, 0);
        }
        if (failed >= FREE_FAILURES && maxDelayMillis > 0) {
            long delay = Math.min(maxDelayMillis, 100L << Math.min(20, failed - FREE_FAILURES));
            try {
                Thread.sleep(delay);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean accepted = user.length() <= 256 && password.length() <= 1024 && verifier.verify(user, password);
        synchronized (failures) {
            if (accepted) {
                failures.remove(key);
            }
            else {
                failures.merge(key, 1, Integer::sum);
            }
        }
        return accepted ? null : message(user);
    }

    /** The one answer to a refused login. */
    public static String message(String user)
    {
        String shown = user.length() > 64 ? user.substring(0, 64) + "..." : user;
        return "authentication failed for user '" + shown + "'";
    }

    /** User-address pairs remembered now (for tests of the bound). */
    public int remembered()
    {
        synchronized (failures) {
            return failures.size();
        }
    }
}
