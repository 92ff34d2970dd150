package io.sluice.server.auth;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.sluice.server.config.Settings;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * LDAP and Active Directory ({@code auth.providers=ldap}): a bind as the user, its DN from a pattern
 * ({@code auth.ldap.user-bind-pattern}, {@code ${USER}} replaced, several separated by {@code :}) or found by a search
 * ({@code auth.ldap.user-base-dn}, {@code auth.ldap.user-search-filter}, as {@code auth.ldap.bind-dn} or anonymously);
 * the user's groups from a search ({@code auth.ldap.group-base-dn}, {@code auth.ldap.group-search-filter} with
 * {@code ${USER}} and {@code ${USER_DN}}, names from {@code auth.ldap.group-name-attribute}), optionally required
 * ({@code auth.ldap.allowed-groups}). Connections are pooled ({@code auth.ldap.pool-size}); {@code ldaps://} URLs and
 * {@code auth.ldap.start-tls} use TLS, trusting {@code auth.ldap.trust-store} or the JVM's CAs. An accepted user and
 * password are remembered for {@code auth.ldap.cache-ttl} (1m) as a digest, never as the password; refusals are not.
 * User names are escaped for DNs and filters, so no name can change a search. Short aliases are read too:
 * {@code bind-pattern}, {@code search-base}, {@code search-filter}, {@code group-filter}.
 */
public final class LdapAuthenticator
        implements AuthenticationProvider, AutoCloseable
{
    public static final String PREFIX = "auth.ldap.";
    private static final Logger log = LoggerFactory.getLogger(LdapAuthenticator.class);
    private static final int CACHED = 10_000;

    private final LDAPConnectionPool pool;
    private final List<String> bindPatterns;
    private final Optional<String> userBaseDn;
    private final String userFilter;
    private final Optional<String> groupBaseDn;
    private final String groupFilter;
    private final String groupNameAttribute;
    private final Set<String> allowedGroups;
    private final long cacheNanos;
    private final ExpiringCache<Login> cache = new ExpiringCache<>(CACHED);

    public LdapAuthenticator(Settings settings)
    {
        String urls = required(settings, "url");
        this.bindPatterns = Arrays.stream(setting(settings, "user-bind-pattern", "bind-pattern", "").split(":"))
                .map(String::strip)
                .filter(pattern -> !pattern.isEmpty())
                .toList();
        this.userBaseDn = Optional.ofNullable(setting(settings, "user-base-dn", "search-base", null)).map(String::strip).filter(dn -> !dn.isEmpty());
        if (bindPatterns.isEmpty() == userBaseDn.isEmpty()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "auth.providers=ldap needs either auth.ldap.user-bind-pattern (e.g. uid=${USER},ou=people,dc=example,dc=com) "
                    + "or auth.ldap.user-base-dn with auth.ldap.user-search-filter, not both");
        }
        for (String pattern : bindPatterns) {
            if (!pattern.contains("${USER}")) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("auth.ldap.user-bind-pattern '%s' does not contain ${USER}", pattern));
            }
        }
        this.userFilter = setting(settings, "user-search-filter", "search-filter", "(uid=${USER})");
        this.groupBaseDn = Optional.ofNullable(settings.getString(PREFIX + "group-base-dn", null)).map(String::strip).filter(dn -> !dn.isEmpty());
        this.groupFilter = setting(settings, "group-search-filter", "group-filter", "(|(member=${USER_DN})(uniqueMember=${USER_DN})(memberUid=${USER}))");
        this.groupNameAttribute = settings.getString(PREFIX + "group-name-attribute", "cn");
        this.allowedGroups = Arrays.stream(settings.getString(PREFIX + "allowed-groups", "").split(","))
                .map(String::strip)
                .filter(group -> !group.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (!allowedGroups.isEmpty() && groupBaseDn.isEmpty()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "auth.ldap.allowed-groups needs auth.ldap.group-base-dn, where the groups are searched");
        }
        this.cacheNanos = settings.getDuration(PREFIX + "cache-ttl", Duration.ofMinutes(1)).toNanos();
        Duration timeout = settings.getDuration(PREFIX + "timeout", Duration.ofSeconds(5));
        int poolSize = settings.getInt(PREFIX + "pool-size", 8, 1, 1024);
        boolean startTls = Boolean.parseBoolean(settings.getString(PREFIX + "start-tls", "false"));

        List<String> hosts = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        Boolean secure = null;
        for (String text : urls.split("[,\\s]+")) {
            LDAPURL url;
            try {
                url = new LDAPURL(text);
            }
            catch (LDAPException e) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("auth.ldap.url '%s' is not an LDAP URL (ldap://host:389 or ldaps://host:636)", text), e);
            }
            boolean ldaps = url.getScheme().equalsIgnoreCase("ldaps");
            if (secure != null && secure != ldaps) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "auth.ldap.url mixes ldap:// and ldaps:// servers");
            }
            secure = ldaps;
            hosts.add(url.getHost());
            ports.add(url.getPort());
        }
        if (secure && startTls) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "auth.ldap.start-tls is for ldap:// URLs; ldaps:// is TLS already");
        }
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) timeout.toMillis());
        options.setResponseTimeoutMillis(timeout.toMillis());
        options.setFollowReferrals(false);
        SocketFactory sockets = SocketFactory.getDefault();
        PostConnectProcessor postConnect = null;
        if (secure || startTls) {
            SSLUtil ssl = new SSLUtil(trustManager(settings));
            try {
                if (secure) {
                    sockets = ssl.createSSLSocketFactory();
                }
                else {
                    SSLContext context = ssl.createSSLContext();
                    postConnect = new StartTLSPostConnectProcessor(context);
                }
            }
            catch (GeneralSecurityException e) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Cannot set up TLS for LDAP: " + e.getMessage(), e);
            }
        }
        FailoverServerSet servers = new FailoverServerSet(hosts.toArray(String[]::new), ports.stream().mapToInt(Integer::intValue).toArray(), sockets, options);
        Optional<String> bindDn = Optional.ofNullable(settings.getString(PREFIX + "bind-dn", null)).filter(dn -> !dn.isBlank());
        BindRequest serviceBind = bindDn.map(dn -> (BindRequest) new SimpleBindRequest(dn, settings.getString(PREFIX + "bind-password", ""))).orElse(null);
        try {
            // Not failing when the directory is down at start: logins fail (and are logged) until it is back.
            this.pool = new LDAPConnectionPool(servers, serviceBind, 1, poolSize, postConnect, false);
        }
        catch (LDAPException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Cannot connect to the LDAP server " + urls + " (auth.ldap.url): " + e.getDiagnosticMessage(), e);
        }
        pool.setConnectionPoolName("sluice-ldap");
        pool.setMaxConnectionAgeMillis(Duration.ofMinutes(30).toMillis());
    }

    /** A setting by its name or its short alias ({@code auth.ldap.bind-pattern}, {@code search-base}, {@code search-filter}, {@code group-filter}). */
    private static String setting(Settings settings, String name, String alias, String defaultValue)
    {
        String value = settings.getString(PREFIX + name, null);
        return value != null ? value : settings.getString(PREFIX + alias, defaultValue);
    }

    private static TrustManager trustManager(Settings settings)
    {
        String trustStore = settings.getString(PREFIX + "trust-store", null);
        if (trustStore == null || trustStore.isBlank()) {
            return JVMDefaultTrustManager.getInstance();
        }
        String password = settings.getString(PREFIX + "trust-store-password", null);
        return new TrustStoreTrustManager(trustStore, password == null ? null : password.toCharArray(), settings.getString(PREFIX + "trust-store-type", null), true);
    }

    private static String required(Settings settings, String key)
    {
        String value = settings.getString(PREFIX + key, null);
        if (value == null || value.isBlank()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "auth.providers=ldap needs " + PREFIX + key);
        }
        return value.strip();
    }

    @Override
    public String name()
    {
        return "ldap";
    }

    @Override
    public Optional<Login> password(String user, String password)
    {
        // An empty password is an anonymous ("unauthenticated") bind, which directories accept: never a login.
        if (user.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        String key = user + "\u0000" + TokenService.digest(password);
        Optional<Login> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Login> login = authenticate(user, password);
        login.ifPresent(accepted -> cache.put(key, accepted, cacheNanos));
        return login;
    }

    private Optional<Login> authenticate(String user, String password)
    {
        try {
            Optional<String> userDn = bindAsUser(user, password);
            if (userDn.isEmpty()) {
                return Optional.empty();
            }
            Set<String> groups = groups(user, userDn.get());
            if (!allowedGroups.isEmpty() && groups.stream().noneMatch(allowedGroups::contains)) {
                log.info("LDAP login of {} refused: in none of auth.ldap.allowed-groups", user);
                return Optional.empty();
            }
            return Optional.of(new Login(user, groups, name()));
        }
        catch (LDAPException e) {
            // Never the password; the directory's own words about why.
            log.warn("LDAP login of {} failed: {} ({})", user, e.getResultCode(), e.getDiagnosticMessage());
            return Optional.empty();
        }
    }

    /** The user's DN after a successful bind with the password, or empty when the directory refused it. */
    private Optional<String> bindAsUser(String user, String password)
            throws LDAPException
    {
        List<String> candidates = new ArrayList<>();
        if (!bindPatterns.isEmpty()) {
            for (String pattern : bindPatterns) {
                candidates.add(pattern.replace("${USER}", escapeDnValue(user)));
            }
        }
        else {
            SearchResult found = pool.search(userBaseDn.orElseThrow(), SearchScope.SUB, Filter.create(userFilter.replace("${USER}", Filter.encodeValue(user))), "1.1");
            if (found.getEntryCount() != 1) {
                log.info("LDAP login of {} refused: the user search found {} entries", user, found.getEntryCount());
                return Optional.empty();
            }
            candidates.add(found.getSearchEntries().get(0).getDN());
        }
        for (String dn : candidates) {
            try {
                pool.bindAndRevertAuthentication(new SimpleBindRequest(dn, password));
                return Optional.of(dn);
            }
            catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.INVALID_CREDENTIALS && e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    private Set<String> groups(String user, String userDn)
            throws LDAPException
    {
        if (groupBaseDn.isEmpty()) {
            return Set.of();
        }
        String filter = groupFilter.replace("${USER_DN}", Filter.encodeValue(userDn)).replace("${USER}", Filter.encodeValue(user));
        SearchResult found = pool.search(groupBaseDn.get(), SearchScope.SUB, Filter.create(filter), groupNameAttribute);
        Set<String> groups = new LinkedHashSet<>();
        for (SearchResultEntry entry : found.getSearchEntries()) {
            String[] names = entry.getAttributeValues(groupNameAttribute);
            if (names != null) {
                groups.addAll(Arrays.asList(names));
            }
        }
        return groups;
    }

    /** A value escaped for a DN (RFC 4514): the user name can add no RDN and change no attribute. */
    static String escapeDnValue(String value)
    {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean edge = (i == 0 && (c == ' ' || c == '#')) || (i == value.length() - 1 && c == ' ');
            if (edge || "\"+,;<>\\=".indexOf(c) >= 0) {
                escaped.append('\\').append(c);
            }
            else if (c < 0x20 || c == 0x7f) {
                escaped.append(format(Locale.ROOT, "\\%02x", (int) c));
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public void close()
    {
        pool.close();
    }
}
