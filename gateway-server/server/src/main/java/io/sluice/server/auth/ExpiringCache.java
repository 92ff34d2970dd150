package io.sluice.server.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider remembers of accepted logins: at most a fixed number of entries (the least recently used forgotten
 * first), each good until its own deadline. Keys are digests, never passwords.
 */
final class ExpiringCache<V>
{
    private record Entry<V>(V value, long expiresNanos) {}

    private final Map<String, Entry<V>> entries;

    ExpiringCache(int capacity)
    {
        this.entries = new LinkedHashMap<>(16, 0.75f, true)
        {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest)
            {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<V> get(String key)
    {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresNanos() - System.nanoTime() > 0) {
            return Optional.of(entry.value());
        }
        entries.remove(key);
        return Optional.empty();
    }

    /** Remembers the value for {@code keepNanos} from now; nothing when that is not positive. */
    synchronized void put(String key, V value, long keepNanos)
    {
        if (keepNanos > 0) {
            entries.put(key, new Entry<>(value, System.nanoTime() + keepNanos));
        }
    }

    synchronized void clear()
    {
        entries.clear();
    }
}
