package io.sluice.server.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Failed logins: the same answer whatever was wrong ("authentication failed for user 'x'"), nothing about the
 * password anywhere, and after three failures in a row of one user (or bearer token) from one address a delay before
 * each answer that doubles per failure up to {@code auth.failed-login-max-delay} (2s). At most 10,000 pairs are
 * remembered (the oldest forgotten), so a flood of failures grows no memory; a success forgets the pair.
 */
public final class LoginGuard
{
    public static final String MAX_DELAY = "auth.failed-login-max-delay";
    private static final int FREE_FAILURES = 3;
    private static final int REMEMBERED = 10_000;

    private final long maxDelayMillis;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true)
    {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest)
        {
            return size() > REMEMBERED;
        }
    };

    public LoginGuard(Duration maxDelay)
    {
        this.maxDelayMillis = requireNonNull(maxDelay, "maxDelay is null").toMillis();
    }

    /** Runs the check for {@code who} from {@code address}, first waiting as long as their recent failures ask. */
    public Optional<Login> attempt(String who, String address, Supplier<Optional<Login>> check)
    {
        String key = (who.length() > 256 ? who.substring(0, 256) : who) + "\u0000" + address;
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
        Optional<Login> login = check.get();
        synchronized (failures) {
            if (login.isPresent()) {
                failures.remove(key);
            }
            else {
                failures.merge(key, 1, Integer::sum);
            }
        }
        return login;
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
