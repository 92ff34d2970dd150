package io.sluice.server;

import io.sluice.catalog.iceberg.IcebergRestService;
import io.sluice.catalog.iceberg.LakehouseCatalog;
import io.sluice.metastore.AccessStore;
import io.sluice.metastore.AuditStore;
import io.sluice.metastore.Metastore;
import io.sluice.metastore.MetastoreConfig;
import io.sluice.metastore.QueryHistory;
import io.sluice.metastore.RouterCalibrations;
import io.sluice.metastore.TokenStore;
import io.sluice.router.EngineRegistry;
import io.sluice.router.EngineRouter;
import io.sluice.router.RouterConfig;
import io.sluice.router.plugin.EnginePlugins;
import io.sluice.server.access.AccessCommands;
import io.sluice.server.access.AccessControl;
import io.sluice.server.audit.AuditLog;
import io.sluice.server.auth.Authentication;
import io.sluice.server.auth.TokenService;
import io.sluice.server.catalog.CatalogCache;
import io.sluice.server.catalog.LakehouseCatalogs;
import io.sluice.server.config.ServerConfig;
import io.sluice.server.config.SessionConfig;
import io.sluice.server.config.Settings;
import io.sluice.server.jobs.Access;
import io.sluice.server.jobs.ClusterService;
import io.sluice.server.jobs.GroupService;
import io.sluice.server.jobs.JobService;
import io.sluice.server.jobs.ManagementCommands;
import io.sluice.server.jobs.SecretBox;
import io.sluice.server.rest.RestHandler;
import io.sluice.server.routing.QueryRecorder;
import io.sluice.server.routing.RouterCalibrator;
import io.sluice.server.thrift.BinaryThriftServer;
import io.sluice.server.thrift.HttpThriftHandler;
import io.sluice.server.thrift.ThriftCliService;
import io.sluice.server.tls.TlsContext;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.hive.service.rpc.thrift.TCLIService;
import org.apache.thrift.TProcessor;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A running Sluice: engines, router, backend, and its three listeners (HS2 Thrift binary, HS2 Thrift HTTP, REST).
 * {@link #start(Settings)} returns once every listener accepts connections; {@link #close()} stops everything.
 */
public final class SluiceServer
        implements AutoCloseable
{
    public static final String JOBS_SPARK_LIB = "jobs.spark-lib";
    public static final String JOBS_INSTANCE_NAME = "jobs.instance-name";
    /** Whether REST (and the Iceberg REST catalog the engines read) uses TLS when {@code server.tls.enabled}; true by default. */
    public static final String REST_TLS = "server.tls.rest.enabled";

    private static final Logger log = LoggerFactory.getLogger(SluiceServer.class);

    private final ServerConfig config;
    private final EngineRegistry engines;
    private final SluiceBackend backend;
    private final BinaryThriftServer binaryServer;
    private final Server httpServer;
    private final ServerConnector thriftHttpConnector;
    private final ServerConnector restConnector;
    private final Metastore metastore;
    private final LakehouseCatalog lakehouse;
    private final Authentication authentication;
    private final AuditLog audit;

    private SluiceServer(ServerConfig config, EngineRegistry engines, SluiceBackend backend, BinaryThriftServer binaryServer,
            Server httpServer, ServerConnector thriftHttpConnector, ServerConnector restConnector, LakehouseCatalog lakehouse, Metastore metastore,
            Authentication authentication, AuditLog audit)
    {
        this.authentication = authentication;
        this.audit = audit;
        this.lakehouse = lakehouse;
        this.metastore = metastore;
        this.config = config;
        this.engines = engines;
        this.backend = backend;
        this.binaryServer = binaryServer;
        this.httpServer = httpServer;
        this.thriftHttpConnector = thriftHttpConnector;
        this.restConnector = restConnector;
    }

    public static SluiceServer start(Settings settings)
    {
        requireNonNull(settings, "settings is null");
        ServerConfig config = ServerConfig.from(settings);
        SessionConfig sessionConfig = SessionConfig.from(settings);
        RouterConfig routerConfig = RouterConfig.from(settings.getString(RouterConfig.ENGINES, null), settings.getString(RouterConfig.DEFAULT_ENGINE, null));
        try {
            Files.createDirectories(config.dataDirectory());
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Cannot create the data directory " + config.dataDirectory() + ": " + e.getMessage(), e);
        }
        // Checked before anything starts: a server that would accept anyone from anywhere does not start, nor one whose
        // TLS files do not read.
        Authentication.providers(settings, config.host());
        Optional<TlsContext> tls = TlsContext.from(settings);
        boolean restTls = Boolean.parseBoolean(settings.getString(REST_TLS, "true"));
        // A distribution loads each configured engine from its plugin directory; an embedded server finds them on its class path.
        String pluginsDirectory = settings.getString(EnginePlugins.DIRECTORY, null);
        EnginePlugins plugins = pluginsDirectory == null
                ? EnginePlugins.fromClassPath(SluiceServer.class.getClassLoader())
                : EnginePlugins.fromDirectory(Path.of(pluginsDirectory).toAbsolutePath(), routerConfig.engines(), RouterConfig.ENGINES, SluiceServer.class.getClassLoader());
        EngineRegistry engines = EngineRegistry.create(routerConfig, name -> settings.withPrefix("engine." + name + "."), config.dataDirectory(), plugins);
        SluiceBackend backend = null;
        BinaryThriftServer binaryServer = null;
        Server httpServer = null;
        LakehouseCatalog lakehouse = null;
        EngineRouter router = null;
        Metastore metastore = null;
        AuditLog audit = null;
        Authentication authentication = null;
        try {
            metastore = Metastore.open(metastoreConfig(settings, config));
            audit = new AuditLog(new AuditStore(metastore), auditFile(settings, config), settings.getInt(AuditLog.QUEUE_SIZE, 100_000, 1, 10_000_000), Clock.systemUTC());
            TokenService tokens = new TokenService(new TokenStore(metastore), Clock.systemUTC());
            authentication = Authentication.from(settings, config.host(), Optional.of(tokens), Optional.of(audit));
            lakehouse = LakehouseCatalog.open(metastore, settings.getString(LakehouseCatalog.WAREHOUSE, config.dataDirectory().resolve("warehouse").toString()));
            router = new EngineRouter(engines, routerConfig, settings.withPrefix("router.").entrySet().stream()
                    .collect(Collectors.toMap(entry -> "router." + entry.getKey(), Map.Entry::getValue)),
                    settings.getDuration(EngineRouter.HEALTH_INTERVAL, Duration.ofSeconds(5)), settings.getDuration(EngineRouter.CATALOGS_INTERVAL, Duration.ofSeconds(60)));
            router.monitor().start();
            QueryRecorder recorder = new QueryRecorder(Optional.of(new QueryHistory(metastore)),
                    settings.getInt(QueryRecorder.MAX_QUERIES, QueryRecorder.DEFAULT_MAX_QUERIES, 100, Integer.MAX_VALUE));
            RouterCalibrator calibrator = new RouterCalibrator(router, Optional.of(new RouterCalibrations(metastore)));
            calibrator.loadLatest();
            ManagementCommands management = management(settings, config, metastore, router, tokens, audit, authentication::forgetRemembered);
            backend = new SluiceBackend(sessionConfig, router,
                    new LakehouseCatalogs(lakehouse, settings.getDataSize(LakehouseCatalogs.PRUNING_THRESHOLD, LakehouseCatalogs.DEFAULT_PRUNING_THRESHOLD, 0, Long.MAX_VALUE)),
                    recorder, calibrator, management, new CatalogCache(settings.getDuration(CatalogCache.TTL, CatalogCache.DEFAULT_TTL)),
                    new AccessCommands(AccessControl.from(settings, new AccessStore(metastore), adminUsers(settings)), audit, Clock.systemUTC()));
            management.jobs().start(backend, management::parseSubmission,
                    engines.engines().stream().map(io.sluice.spi.engine.Engine::name).collect(Collectors.toSet()));
            TProcessor processor = new TCLIService.Processor<>(new ThriftCliService(backend, config));
            binaryServer = new BinaryThriftServer(config, processor, backend::connectionClosed, authentication, tls);

            QueuedThreadPool threads = new QueuedThreadPool(200, 4);
            threads.setName("sluice-http");
            threads.setDaemon(true);
            httpServer = new Server(threads);
            ServerConnector thriftHttpConnector = connector(httpServer, config.host(), config.httpPort(), "thrift-http", tls);
            ServerConnector restConnector = connector(httpServer, config.host(), config.restPort(), "rest", restTls ? tls : Optional.empty());
            HttpThriftHandler thriftHandler = new HttpThriftHandler(processor, config.httpPath(), config.maxFrameSize(), authentication);
            RestHandler restHandler = new RestHandler(backend, engines::engines, config.maxFrameSize(), new IcebergRestService(lakehouse), authentication);
            httpServer.setHandler(new Handler.Abstract()
            {
                @Override
                public boolean handle(Request request, Response response, Callback callback)
                        throws Exception
                {
                    Connector connector = request.getConnectionMetaData().getConnector();
                    return connector == thriftHttpConnector ? thriftHandler.handle(request, response, callback) : restHandler.handle(request, response, callback);
                }
            });
            httpServer.start();
            SluiceServer server = new SluiceServer(config, engines, backend, binaryServer, httpServer, thriftHttpConnector, restConnector, lakehouse, metastore,
                    authentication, audit);
            String scheme = restTls && tls.isPresent() ? "https" : "http";
            log.info("Sluice {} ready: Thrift binary {}:{}{}, Thrift HTTP {}:{}{}, REST {}://{}:{}/api/v1, Iceberg REST catalog {}://{}:{}/iceberg (warehouse {})",
                    config.dbmsVersion(), config.host(), server.binaryPort(), tls.isPresent() ? " (TLS)" : "", config.host(), server.httpPort(), config.httpPath(),
                    scheme, config.host(), server.restPort(), scheme, config.host(), server.restPort(), lakehouse.warehouse());
            return server;
        }
        catch (Exception e) {
            if (backend == null && router != null) {
                router.close();
            }
            closeAll(httpServer, binaryServer, backend, engines, lakehouse, metastore, authentication, audit);
            if (e instanceof SluiceException sluiceException) {
                throw sluiceException;
            }
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Sluice failed to start: " + e.getMessage(), e);
        }
    }

    private static ServerConnector connector(Server server, String host, int port, String name, Optional<TlsContext> tls)
    {
        HttpConfiguration http = new HttpConfiguration();
        // The Iceberg REST protocol separates namespace levels with %1F in a path segment, which Jetty's default
        // compliance rejects as a suspicious character; the handlers read the raw path themselves.
        http.setUriCompliance(UriCompliance.DEFAULT.with("iceberg-rest", UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
        ServerConnector connector;
        if (tls.isPresent()) {
            // Clients reach Sluice by address as often as by name: no SNI host check against the certificate.
            http.addCustomizer(new SecureRequestCustomizer(false));
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls.get().context());
            ssl.setNeedClientAuth(tls.get().clientAuth() == TlsContext.ClientAuth.NEED);
            ssl.setWantClientAuth(tls.get().clientAuth() == TlsContext.ClientAuth.WANT);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        }
        else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setName(name);
        server.addConnector(connector);
        return connector;
    }

    public int binaryPort()
    {
        return binaryServer.port();
    }

    public int httpPort()
    {
        return thriftHttpConnector.getLocalPort();
    }

    public int restPort()
    {
        return restConnector.getLocalPort();
    }

    public String host()
    {
        return config.host();
    }

    public SluiceBackend backend()
    {
        return backend;
    }

    /**
     * Jobs, schedules, clusters, storages and groups on the metadata store: {@code jobs.threads} (4),
     * {@code jobs.poll-interval} (200ms), {@code jobs.retry-backoff} (5s), {@code jobs.max-log-lines} (10000), {@code jobs.watch-interval} (5s),
     * {@code jobs.spark-lib} (the local Spark's jars), {@code jobs.instance-name} (host:REST port, unique per instance
     * sharing a store), {@code auth.admin-users}, {@code groups.idle-timeout} (30m), {@code metastore.secret-key}.
     */
    private static ManagementCommands management(Settings settings, ServerConfig config, Metastore metastore, EngineRouter router, TokenService tokens, AuditLog audit,
            Runnable credentialsChanged)
    {
        SecretBox secrets = SecretBox.open(settings.getString(SecretBox.SECRET_KEY, null), config.dataDirectory().resolve("meta").resolve("secret.key"));
        ClusterService clusters = new ClusterService(metastore, secrets,
                Path.of(settings.getString(JOBS_SPARK_LIB, "engines/spark-local/target/spark-local/lib")).toAbsolutePath(),
                settings.getString(AccessControl.MODE, "none").strip().equalsIgnoreCase("grants"));
        GroupService groups = new GroupService(metastore, router::engine, router.defaultEngine(),
                settings.getDuration(GroupService.IDLE_TIMEOUT, Duration.ofMinutes(30)));
        Set<String> admins = adminUsers(settings);
        // Unique among the instances sharing a store: the REST port, or the process when the port is chosen at start.
        String instance = settings.getString(JOBS_INSTANCE_NAME, hostName() + ":" + (config.restPort() != 0 ? config.restPort() : "pid" + ProcessHandle.current().pid()));
        JobService jobs = new JobService(metastore, clusters, new JobService.Config(settings.getInt(JobService.THREADS, 4, 1, 256),
                settings.getDuration(JobService.POLL_INTERVAL, Duration.ofMillis(200)), settings.getDuration(JobService.RETRY_BACKOFF, Duration.ofSeconds(5)),
                settings.getInt(JobService.MAX_LOG_LINES, 10_000, 100, 10_000_000), admins, instance,
                settings.getDuration(JobService.WATCH_INTERVAL, Duration.ofSeconds(5))));
        return new ManagementCommands(jobs, clusters, groups, tokens, audit, credentialsChanged);
    }

    /** {@code auth.admin-users}: a comma list. */
    private static Set<String> adminUsers(Settings settings)
    {
        return Arrays.stream(settings.getString(Access.ADMIN_USERS, "").split(","))
                .map(String::strip)
                .filter(user -> !user.isEmpty())
                .collect(Collectors.toSet());
    }

    private static String hostName()
    {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        }
        catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** {@code audit.file}: the audit log's JSON lines, {@code var/log/audit.jsonl} by default; empty for none. */
    private static Optional<Path> auditFile(Settings settings, ServerConfig config)
    {
        String file = settings.getString(AuditLog.FILE, config.dataDirectory().resolve("log").resolve("audit.jsonl").toString()).strip();
        return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
    }

    /** The metadata store's settings: {@code metastore.url} (with user and password), else the embedded store under the data directory. */
    private static MetastoreConfig metastoreConfig(Settings settings, ServerConfig config)
    {
        String url = settings.getString(MetastoreConfig.URL, "").trim();
        if (url.isEmpty()) {
            return MetastoreConfig.embedded(config.dataDirectory());
        }
        return new MetastoreConfig(url, Optional.ofNullable(settings.getString(MetastoreConfig.USER, null)),
                Optional.ofNullable(settings.getString(MetastoreConfig.PASSWORD, null)));
    }

    /** The authentication in force (for tests of its bounds). */
    public Authentication authentication()
    {
        return authentication;
    }

    /** The metadata store. */
    public Metastore metastore()
    {
        return metastore;
    }

    /** The lakehouse catalog Sluice serves. */
    public LakehouseCatalog lakehouse()
    {
        return lakehouse;
    }

    @Override
    public void close()
    {
        closeAll(httpServer, binaryServer, backend, engines, lakehouse, metastore, authentication, audit);
    }

    private static void closeAll(Server httpServer, BinaryThriftServer binaryServer, SluiceBackend backend, EngineRegistry engines, LakehouseCatalog lakehouse,
            Metastore metastore, Authentication authentication, AuditLog audit)
    {
        try {
            if (httpServer != null) {
                httpServer.stop();
            }
        }
        catch (Exception e) {
            log.warn("Stopping the HTTP listeners failed", e);
        }
        if (binaryServer != null) {
            binaryServer.close();
        }
        if (backend != null) {
            backend.close();
        }
        engines.close();
        if (lakehouse != null) {
            try {
                lakehouse.close();
            }
            catch (IOException | RuntimeException e) {
                log.warn("Closing the lakehouse catalog failed", e);
            }
        }
        if (authentication != null) {
            authentication.close();
        }
        if (audit != null) {
            audit.close();
        }
        if (metastore != null) {
            // Last: the query history, the jobs and the audit log wrote to it while closing.
            metastore.close();
        }
    }
}
