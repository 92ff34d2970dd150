package io.sluice.server.access;

import io.sluice.metastore.AccessStore;
import io.sluice.metastore.AccessStore.ColumnMask;
import io.sluice.metastore.AccessStore.Privilege;
import io.sluice.metastore.AccessStore.RowFilter;
import io.sluice.server.config.Settings;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Who may do what ({@code auth.authorization}): {@code none} (the default: every authenticated user may read and change
 * every table) or {@code grants}: roles hold privileges ({@code SELECT}, {@code INSERT}, {@code UPDATE},
 * {@code DELETE}, {@code CREATE}, {@code DROP}, {@code ALL}) on catalogs, databases and tables, a privilege on a
 * catalog or database covering what it holds; users hold roles directly or through their groups (the directory's or
 * the token's). Administrators ({@code auth.admin-users}, and members of the role {@code admin}) may do everything and
 * are the only ones who change roles, grants, filters and masks. The policy is read from the metadata store into
 * memory, again after every change through this server and at least every {@code auth.authorization.refresh} (5s) for
 * changes made through other instances (read in the background), so a check costs no round trip. A scoped API token's logins hold only the
 * roles it names (and are administrators only if it names {@code admin}).
 */
public final class AccessControl
{
    public static final String MODE = "auth.authorization";
    public static final String REFRESH = "auth.authorization.refresh";
    public static final String ADMIN_ROLE = "admin";
    private static final ExecutorService REFRESHER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sluice-access-refresh");
        thread.setDaemon(true);
        return thread;
    });
    public static final List<String> PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALL");

    /** The user a statement runs for, the groups its login named, and the roles a scoped token limits it to. */
    public record Subject(String user, Set<String> groups, Optional<Set<String>> roleScope)
    {
        public Subject
        {
            requireNonNull(user, "user is null");
            groups = Set.copyOf(requireNonNull(groups, "groups is null"));
            roleScope = requireNonNull(roleScope, "roleScope is null").map(Set::copyOf);
        }

        public Subject(String user, Set<String> groups)
        {
            this(user, groups, Optional.empty());
        }

        /** Who the session's statements run for. */
        public static Subject of(io.sluice.server.session.Session session)
        {
            return new Subject(session.user(), session.owner().groups(), session.owner().roleScope());
        }
    }

    private record Policy(Map<String, Set<String>> roles, Map<String, Map<String, Set<String>>> privileges, Map<String, List<RowFilter>> filters,
            Map<String, List<ColumnMask>> masks, AccessStore.Snapshot snapshot) {}

    private final AccessStore store;
    private final boolean enabled;
    private final Set<String> admins;
    private final long refreshNanos;
    private volatile Policy policy;
    private volatile long loadedNanos;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    public AccessControl(AccessStore store, boolean enabled, Set<String> admins, Duration refresh)
    {
        this.store = requireNonNull(store, "store is null");
        this.enabled = enabled;
        this.admins = Set.copyOf(requireNonNull(admins, "admins is null"));
        this.refreshNanos = refresh.toNanos();
        if (enabled) {
            reload();
        }
    }

    public static AccessControl from(Settings settings, AccessStore store, Set<String> admins)
    {
        String mode = settings.getString(MODE, "none").strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("none") && !mode.equals("grants")) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("%s is none or grants, not '%s'", MODE, mode));
        }
        return new AccessControl(store, mode.equals("grants"), admins, settings.getDuration(REFRESH, Duration.ofSeconds(5)));
    }

    /** Whether grants are enforced. */
    public boolean enabled()
    {
        return enabled;
    }

    public AccessStore store()
    {
        return store;
    }

    /** Reads the policy again (after a change). */
    public synchronized void reload()
    {
        AccessStore.Snapshot snapshot = store.snapshot();
        Map<String, Set<String>> roles = new HashMap<>();
        for (AccessStore.Member member : snapshot.members()) {
            roles.computeIfAbsent(member.principalType() + ":" + member.principal(), key -> new HashSet<>()).add(member.role());
        }
        Map<String, Map<String, Set<String>>> privileges = new HashMap<>();
        for (Privilege privilege : snapshot.privileges()) {
            privileges.computeIfAbsent(privilege.role(), key -> new HashMap<>())
                    .computeIfAbsent(privilege.objectType() + ":" + privilege.objectName(), key -> new HashSet<>())
                    .add(privilege.privilege());
        }
        Map<String, List<RowFilter>> filters = new HashMap<>();
        snapshot.filters().forEach(filter -> filters.computeIfAbsent(filter.table(), key -> new ArrayList<>()).add(filter));
        Map<String, List<ColumnMask>> masks = new HashMap<>();
        snapshot.masks().forEach(mask -> masks.computeIfAbsent(mask.table(), key -> new ArrayList<>()).add(mask));
        policy = new Policy(roles, privileges, filters, masks, snapshot);
        loadedNanos = System.nanoTime();
    }

    /**
     * The policy in force. Once it is older than the refresh interval, one background read of the store is started
     * and the statement goes on with the policy it has: no statement waits for the store.
     */
    private Policy policy()
    {
        if (System.nanoTime() - loadedNanos > refreshNanos && refreshing.compareAndSet(false, true)) {
            REFRESHER.execute(() -> {
                try {
                    reload();
                }
                catch (RuntimeException e) {
                    // The store is away: the last policy holds until it is back (never none).
                    loadedNanos = System.nanoTime();
                }
                finally {
                    refreshing.set(false);
                }
            });
        }
        return policy;
    }

    public AccessStore.Snapshot snapshot()
    {
        return policy().snapshot();
    }

    /** The roles the subject holds, as a user and through its groups. */
    public Set<String> roles(Subject subject)
    {
        Policy current = policy();
        Set<String> roles = new LinkedHashSet<>(current.roles().getOrDefault("USER:" + subject.user(), Set.of()));
        for (String group : subject.groups()) {
            roles.addAll(current.roles().getOrDefault("GROUP:" + group, Set.of()));
        }
        subject.roleScope().ifPresent(roles::retainAll);
        return roles;
    }

    public boolean isAdmin(Subject subject)
    {
        boolean configured = admins.contains(subject.user()) && subject.roleScope().map(scope -> scope.contains(ADMIN_ROLE)).orElse(true);
        return configured || (enabled && roles(subject).contains(ADMIN_ROLE));
    }

    /** Fails with SQLSTATE 42501 naming the privilege and the object unless the subject holds it. */
    public void check(Subject subject, String privilege, ObjectName object)
    {
        if (!allowed(subject, privilege, object)) {
            throw new SluiceException(ErrorCode.PERMISSION_DENIED, format("Access denied: %s on %s for user %s", privilege, object, subject.user()));
        }
    }

    public boolean allowed(Subject subject, String privilege, ObjectName object)
    {
        if (!enabled || isAdmin(subject)) {
            return true;
        }
        Policy current = policy();
        for (String role : roles(subject)) {
            Map<String, Set<String>> held = current.privileges().get(role);
            if (held == null) {
                continue;
            }
            for (Optional<ObjectName> scope = Optional.of(object); scope.isPresent(); scope = scope.get().parent()) {
                Set<String> granted = held.get(scope.get().type() + ":" + scope.get().dotted());
                if (granted != null && (granted.contains(privilege) || granted.contains("ALL"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the subject may see the object in listings: a privilege on it, on what holds it, or on something it holds. */
    public boolean visible(Subject subject, ObjectName object)
    {
        if (!enabled || isAdmin(subject)) {
            return true;
        }
        Policy current = policy();
        String prefix = object.dotted() + ".";
        for (String role : roles(subject)) {
            Map<String, Set<String>> held = current.privileges().get(role);
            if (held == null) {
                continue;
            }
            for (Optional<ObjectName> scope = Optional.of(object); scope.isPresent(); scope = scope.get().parent()) {
                if (held.containsKey(scope.get().type() + ":" + scope.get().dotted())) {
                    return true;
                }
            }
            if (object.table().isEmpty() && held.keySet().stream().anyMatch(key -> key.substring(key.indexOf(':') + 1).startsWith(prefix))) {
                return true;
            }
        }
        return false;
    }

    /** The row filters on the table that apply to the subject (all of them hold), by name. */
    public List<RowFilter> filters(Subject subject, ObjectName table)
    {
        if (!enabled || isAdmin(subject)) {
            return List.of();
        }
        List<RowFilter> filters = policy().filters().getOrDefault(table.dotted(), List.of());
        if (filters.isEmpty()) {
            return List.of();
        }
        Set<String> roles = roles(subject);
        return filters.stream().filter(filter -> roles.contains(filter.role())).sorted(Comparator.comparing(RowFilter::name)).toList();
    }

    /** The column masks on the table that apply to the subject, by column (the first by name when several mask one column). */
    public Map<String, ColumnMask> masks(Subject subject, ObjectName table)
    {
        if (!enabled || isAdmin(subject)) {
            return Map.of();
        }
        List<ColumnMask> masks = policy().masks().getOrDefault(table.dotted(), List.of());
        if (masks.isEmpty()) {
            return Map.of();
        }
        Set<String> roles = roles(subject);
        Map<String, ColumnMask> byColumn = new LinkedHashMap<>();
        masks.stream()
                .filter(mask -> roles.contains(mask.role()))
                .sorted(Comparator.comparing(ColumnMask::name))
                .forEach(mask -> byColumn.putIfAbsent(mask.column().toLowerCase(Locale.ROOT), mask));
        return byColumn;
    }

    /** Fails unless the subject administers Sluice. */
    public void checkAdmin(Subject subject, String what)
    {
        if (!isAdmin(subject)) {
            throw new SluiceException(ErrorCode.PERMISSION_DENIED, format("Access denied: %s is for administrators (auth.admin-users or the role admin)", what));
        }
    }
}
