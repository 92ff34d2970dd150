package io.sluice.server.jobs;

import io.sluice.metastore.Metastore;
import io.sluice.metastore.NamedObjectStore;
import io.sluice.metastore.NamedObjectStore.NamedObject;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Clusters (where Spark applications run: LOCAL, KUBERNETES, YARN) and storages (S3, GCS, WASBS, HDFS) attached to
 * them. A cluster's definition is validated when it is created; a storage's secret properties are sealed before they
 * are stored and never shown back. The built-in cluster {@code local} always exists.
 */
public final class ClusterService
{
    public static final String LOCAL_CLUSTER = "local";

    /** The cluster types. */
    public enum ClusterType
    {
        LOCAL(Set.of("master", "spark-lib", "java-home", "storages"), Set.of()),
        KUBERNETES(Set.of("master", "namespace", "service-account", "image", "image-pull-policy", "executor-instances", "executor-memory",
                "executor-cores", "driver-memory", "driver-cores", "quota-cores", "quota-memory", "spark-lib", "java-home", "storages"), Set.of("master", "image")),
        YARN(Set.of("hadoop-conf-dir", "queue", "executor-instances", "executor-memory", "executor-cores", "driver-memory", "driver-cores", "quota-cores",
                "quota-memory", "spark-lib", "java-home", "storages"), Set.of("hadoop-conf-dir"));

        private final Set<String> keys;
        private final Set<String> required;

        ClusterType(Set<String> keys, Set<String> required)
        {
            this.keys = keys;
            this.required = required;
        }
    }

    /** The storage types, their properties, and which of those are secret. */
    public enum StorageType
    {
        S3(Set.of("endpoint", "region", "access-key", "secret-key", "session-token", "path-style-access"), Set.of("access-key", "secret-key", "session-token")),
        GCS(Set.of("project-id", "service-account-json-keyfile", "service-account-email", "private-key"), Set.of("private-key")),
        WASBS(Set.of("account", "account-key"), Set.of("account-key")),
        HDFS(Set.of("namenode"), Set.of());

        private final Set<String> keys;
        private final Set<String> secrets;

        StorageType(Set<String> keys, Set<String> secrets)
        {
            this.keys = keys;
            this.secrets = secrets;
        }
    }

    /** A cluster as users see it. */
    public record Cluster(String name, ClusterType type, Map<String, String> properties, String user, Optional<Instant> created)
    {
        public Cluster
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
            requireNonNull(user, "user is null");
            requireNonNull(created, "created is null");
        }

        /** The storages attached with the {@code storages} property, a comma list. */
        public List<String> storages()
        {
            String names = properties.getOrDefault("storages", "");
            return names.isBlank() ? List.of() : List.of(names.split("\\s*,\\s*"));
        }
    }

    /** A storage as users see it: its public properties, and the names of its secret ones. */
    public record Storage(String name, StorageType type, Map<String, String> properties, Set<String> secretKeys, String user, Instant created) {}

    private static final Pattern MASTER_LOCAL = Pattern.compile("local(\\[(\\d+|\\*)])?");
    private static final Pattern MASTER_KUBERNETES = Pattern.compile("k8s://https?://[^\\s/]+(:\\d+)?/?");
    private static final Pattern SPARK_KEY = Pattern.compile("spark\\.[A-Za-z0-9_.-]+");

    private final Metastore store;
    private final NamedObjectStore clusters;
    private final NamedObjectStore storages;
    private final SecretBox secrets;
    private final Path defaultSparkLib;
    private final boolean adminOnly;

    /** {@code adminOnly}: only administrators create, change and drop clusters and storages (with {@code auth.authorization=grants}). */
    public ClusterService(Metastore store, SecretBox secrets, Path defaultSparkLib, boolean adminOnly)
    {
        this.adminOnly = adminOnly;
        this.store = requireNonNull(store, "store is null");
        this.clusters = new NamedObjectStore(store, NamedObjectStore.Kind.CLUSTER);
        this.storages = new NamedObjectStore(store, NamedObjectStore.Kind.STORAGE);
        this.secrets = requireNonNull(secrets, "secrets is null");
        this.defaultSparkLib = requireNonNull(defaultSparkLib, "defaultSparkLib is null");
    }

    private void checkAdmin(Access access, String what)
    {
        if (adminOnly) {
            access.checkAdmin(what);
        }
    }

    /** Creates a cluster after checking its type and properties; one transaction. */
    public Cluster createCluster(Access access, String name, String typeName, Map<String, String> properties)
    {
        checkAdmin(access, "CREATE CLUSTER");
        String user = access.user();
        Names.check("cluster", name);
        if (name.equalsIgnoreCase(LOCAL_CLUSTER)) {
            throw new SluiceException(ErrorCode.ALREADY_EXISTS, "The cluster local is built in");
        }
        ClusterType type = enumValue(ClusterType.class, "cluster type", typeName);
        Map<String, String> checked = checkCluster(type, properties);
        store.inTransaction(connection -> {
            clusters.insert(new NamedObject(name, type.name(), checked, "", user, Instant.now()));
            return null;
        });
        return cluster(name);
    }

    /** Changes a cluster's properties: each given one set (an empty value removes it); the result is checked as a whole. */
    public Cluster alterCluster(Access access, String name, Map<String, String> changes)
    {
        checkAdmin(access, "ALTER CLUSTER");
        NamedObject current = clusters.get(name).orElseThrow(() -> notFound(name));
        access.checkOwner("cluster " + name, current.user());
        Map<String, String> merged = new LinkedHashMap<>(current.properties());
        normalized(changes).forEach((key, value) -> {
            if (value.isEmpty()) {
                merged.remove(key);
            }
            else {
                merged.put(key, value);
            }
        });
        Map<String, String> checked = checkCluster(ClusterType.valueOf(current.type()), merged);
        store.inTransaction(connection -> clusters.update(name, checked, ""));
        return cluster(name);
    }

    public void dropCluster(Access access, String name, boolean ifExists)
    {
        checkAdmin(access, "DROP CLUSTER");
        if (name.equalsIgnoreCase(LOCAL_CLUSTER)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "The cluster local is built in and cannot be dropped");
        }
        Optional<NamedObject> current = clusters.get(name);
        if (current.isEmpty()) {
            if (ifExists) {
                return;
            }
            throw notFound(name);
        }
        access.checkOwner("cluster " + name, current.get().user());
        store.inTransaction(connection -> clusters.delete(name));
    }

    /** The built-in {@code local} cluster first, then every cluster by name. */
    public List<Cluster> clusters()
    {
        List<Cluster> all = new ArrayList<>();
        all.add(localCluster());
        for (NamedObject object : clusters.list()) {
            all.add(new Cluster(object.name(), ClusterType.valueOf(object.type()), object.properties(), object.user(), Optional.of(object.created())));
        }
        return all;
    }

    public Cluster cluster(String name)
    {
        if (name.equalsIgnoreCase(LOCAL_CLUSTER)) {
            return localCluster();
        }
        NamedObject object = clusters.get(name).orElseThrow(() -> notFound(name));
        return new Cluster(object.name(), ClusterType.valueOf(object.type()), object.properties(), object.user(), Optional.of(object.created()));
    }

    private Cluster localCluster()
    {
        return new Cluster(LOCAL_CLUSTER, ClusterType.LOCAL, Map.of("master", "local[2]"), "sluice", Optional.empty());
    }

    /** Creates a storage; its secret properties are sealed before they are stored. */
    public Storage createStorage(Access access, String name, String typeName, Map<String, String> properties)
    {
        checkAdmin(access, "CREATE STORAGE");
        String user = access.user();
        Names.check("storage", name);
        StorageType type = enumValue(StorageType.class, "storage type", typeName);
        Map<String, String> open = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        normalized(properties).forEach((key, value) -> {
            if (!type.keys.contains(key)) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Unknown property '%s' of a %s storage; known: %s", key, type, sorted(type.keys)));
            }
            (type.secrets.contains(key) ? secret : open).put(key, value);
        });
        if (type == StorageType.WASBS && !open.containsKey("account")) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "A WASBS storage needs the property 'account'");
        }
        if (type == StorageType.HDFS && !open.containsKey("namenode")) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "An HDFS storage needs the property 'namenode' (hdfs://host:port)");
        }
        store.inTransaction(connection -> {
            storages.insert(new NamedObject(name, type.name(), open, secrets.seal(io.sluice.server.jobs.Json.write(secret)), user, Instant.now()));
            return null;
        });
        return storage(name);
    }

    public void dropStorage(Access access, String name, boolean ifExists)
    {
        checkAdmin(access, "DROP STORAGE");
        Optional<NamedObject> current = storages.get(name);
        if (current.isEmpty()) {
            if (ifExists) {
                return;
            }
            throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "No storage named " + name);
        }
        access.checkOwner("storage " + name, current.get().user());
        for (Cluster cluster : clusters()) {
            if (cluster.storages().contains(name)) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The storage %s is attached to the cluster %s: detach it first "
                        + "(ALTER CLUSTER %s SET (storages = '...'))", name, cluster.name(), cluster.name()));
            }
        }
        store.inTransaction(connection -> storages.delete(name));
    }

    public List<Storage> storages()
    {
        return storages.list().stream().map(this::storage).toList();
    }

    private Storage storage(String name)
    {
        return storage(storages.get(name).orElseThrow());
    }

    private Storage storage(NamedObject object)
    {
        return new Storage(object.name(), StorageType.valueOf(object.type()), object.properties(), Json.readProperties(secrets.open(object.secrets())).keySet(),
                object.user(), object.created());
    }

    /**
     * The Spark settings a job on the cluster gets from the cluster's storages (for S3: {@code spark.hadoop.fs.s3a.*}),
     * secrets opened; for the job's process only, never shown.
     */
    public Map<String, String> storageSettings(Cluster cluster)
    {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : cluster.storages()) {
            NamedObject object = storages.get(name)
                    .orElseThrow(() -> new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The cluster %s names the storage %s, which does not exist", cluster.name(), name)));
            Map<String, String> all = new LinkedHashMap<>(object.properties());
            all.putAll(Json.readProperties(secrets.open(object.secrets())));
            switch (StorageType.valueOf(object.type())) {
                case S3 -> {
                    put(settings, "spark.hadoop.fs.s3a.endpoint", all.get("endpoint"));
                    put(settings, "spark.hadoop.fs.s3a.endpoint.region", all.get("region"));
                    put(settings, "spark.hadoop.fs.s3a.access.key", all.get("access-key"));
                    put(settings, "spark.hadoop.fs.s3a.secret.key", all.get("secret-key"));
                    put(settings, "spark.hadoop.fs.s3a.session.token", all.get("session-token"));
                    put(settings, "spark.hadoop.fs.s3a.path.style.access", all.get("path-style-access"));
                }
                case GCS -> {
                    put(settings, "spark.hadoop.fs.gs.project.id", all.get("project-id"));
                    put(settings, "spark.hadoop.google.cloud.auth.service.account.json.keyfile", all.get("service-account-json-keyfile"));
                    put(settings, "spark.hadoop.fs.gs.auth.service.account.email", all.get("service-account-email"));
                    put(settings, "spark.hadoop.fs.gs.auth.service.account.private.key", all.get("private-key"));
                }
                case WASBS -> put(settings, "spark.hadoop.fs.azure.account.key." + all.get("account") + ".blob.core.windows.net", all.get("account-key"));
                case HDFS -> put(settings, "spark.hadoop.fs.defaultFS", all.get("namenode"));
            }
        }
        return settings;
    }

    /** The Spark library directory a cluster's jobs run {@code SparkSubmit} from. */
    public Path sparkLib(Cluster cluster)
    {
        return Optional.ofNullable(cluster.properties().get("spark-lib")).map(Path::of).orElse(defaultSparkLib);
    }

    /**
     * The arguments of {@code SparkSubmit} for an application on the cluster: master and deploy mode, the cluster's
     * resource and platform settings, its storages' settings, then the job's own {@code CONF}, the main class, the jar
     * and its arguments.
     */
    public List<String> submission(Cluster cluster, String jobName, String mainClass, String jar, List<String> arguments, Map<String, String> conf)
    {
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        Map<String, String> properties = cluster.properties();
        switch (cluster.type()) {
            case LOCAL -> {
                command.addAll(List.of("--master", properties.getOrDefault("master", "local[2]"), "--deploy-mode", "client"));
                settings.put("spark.ui.enabled", "false");
            }
            case KUBERNETES -> {
                command.addAll(List.of("--master", properties.get("master"), "--deploy-mode", "cluster"));
                settings.put("spark.kubernetes.namespace", properties.getOrDefault("namespace", "default"));
                settings.put("spark.kubernetes.container.image", properties.get("image"));
                put(settings, "spark.kubernetes.container.image.pullPolicy", properties.get("image-pull-policy"));
                put(settings, "spark.kubernetes.authenticate.driver.serviceAccountName", properties.get("service-account"));
                // The job ends when the driver pod is deployed (spark-submit's own watch needs the pod's events); a
                // cluster or a job that sets it true waits for the application instead.
                settings.put("spark.kubernetes.submission.waitAppCompletion", "false");
            }
            case YARN -> {
                command.addAll(List.of("--master", "yarn", "--deploy-mode", "cluster"));
                put(settings, "spark.yarn.queue", properties.get("queue"));
            }
        }
        put(settings, "spark.executor.instances", properties.get("executor-instances"));
        put(settings, "spark.executor.memory", properties.get("executor-memory"));
        put(settings, "spark.executor.cores", properties.get("executor-cores"));
        put(settings, "spark.driver.memory", properties.get("driver-memory"));
        put(settings, "spark.driver.cores", properties.get("driver-cores"));
        properties.forEach((key, value) -> {
            if (key.startsWith("spark.")) {
                settings.put(key, value);
            }
        });
        settings.putAll(storageSettings(cluster));
        conf.forEach((key, value) -> {
            if (!SPARK_KEY.matcher(key).matches()) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("CONF key '%s' is not a Spark setting (spark.*)", key));
            }
            settings.put(key, value);
        });
        checkQuota(cluster, settings);
        command.addAll(List.of("--name", jobName, "--class", mainClass));
        settings.forEach((key, value) -> command.addAll(List.of("--conf", key + "=" + value)));
        command.add(jar);
        command.addAll(arguments);
        return command;
    }

    /**
     * A cluster's {@code quota-cores} and {@code quota-memory} (as a Kubernetes ResourceQuota or a YARN queue would cap
     * them): an application asking for more — driver plus executors, memory with Spark's overhead of 10% (at least
     * 384 MiB) per container — is refused at submission, naming what it asks for.
     */
    private static void checkQuota(Cluster cluster, Map<String, String> settings)
    {
        if (cluster.type() == ClusterType.LOCAL) {
            return;
        }
        long executors = count(settings, "spark.executor.instances", "2");
        long cores = count(settings, "spark.driver.cores", "1") + executors * count(settings, "spark.executor.cores", "1");
        long memory = withOverhead(mebibytes(settings.getOrDefault("spark.driver.memory", "1g")))
                + executors * withOverhead(mebibytes(settings.getOrDefault("spark.executor.memory", "1g")));
        String quotaCores = cluster.properties().get("quota-cores");
        if (quotaCores != null && cores > Long.parseLong(quotaCores)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The application asks for %d cores (the driver and %d executors), more than the cluster %s's "
                    + "quota-cores %s", cores, executors, cluster.name(), quotaCores));
        }
        String quotaMemory = cluster.properties().get("quota-memory");
        if (quotaMemory != null && memory > mebibytes(quotaMemory)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The application asks for %d MiB with overhead (the driver and %d executors), more than the "
                    + "cluster %s's quota-memory %s", memory, executors, cluster.name(), quotaMemory));
        }
    }

    private static long count(Map<String, String> settings, String key, String defaultValue)
    {
        String value = settings.getOrDefault(key, defaultValue).strip();
        if (!value.matches("[0-9]{1,6}")) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("%s must be a whole number, not '%s'", key, value));
        }
        return Long.parseLong(value);
    }

    private static long withOverhead(long mebibytes)
    {
        return mebibytes + Math.max(384, mebibytes / 10);
    }

    /** A Spark size ({@code 512m}, {@code 4g}, a bare number of MiB) in MiB. */
    private static long mebibytes(String size)
    {
        String text = size.strip().toLowerCase(Locale.ROOT);
        try {
            char unit = text.charAt(text.length() - 1);
            long value = Character.isDigit(unit) ? Long.parseLong(text) : Long.parseLong(text.substring(0, text.length() - 1));
            return switch (unit) {
                case 'k' -> Math.max(1, value / 1024);
                case 'g' -> value * 1024;
                case 't' -> value * 1024 * 1024;
                default -> value;
            };
        }
        catch (RuntimeException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("'%s' is not a size such as 512m or 4g", size));
        }
    }

    /** The submission with every secret setting's value masked, for logs and DESCRIBE JOB. */
    public static List<String> masked(List<String> submission)
    {
        List<String> shown = new ArrayList<>();
        for (String argument : submission) {
            int equals = argument.indexOf('=');
            String key = equals < 0 ? "" : argument.substring(0, equals).toLowerCase(Locale.ROOT);
            boolean secret = key.endsWith(".secret.key") || key.endsWith(".access.key") || key.endsWith(".session.token") || key.endsWith(".private.key")
                    || key.startsWith("spark.hadoop.fs.azure.account.key.") || key.contains("password");
            shown.add(secret ? argument.substring(0, equals + 1) + "****" : argument);
        }
        return shown;
    }

    private Map<String, String> checkCluster(ClusterType type, Map<String, String> properties)
    {
        Map<String, String> checked = normalized(properties);
        for (String key : checked.keySet()) {
            if (!type.keys.contains(key) && !SPARK_KEY.matcher(key).matches()) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Unknown property '%s' of a %s cluster; known: %s, and spark.* settings", key, type, sorted(type.keys)));
            }
        }
        for (String key : type.required) {
            if (checked.getOrDefault(key, "").isBlank()) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("A %s cluster needs the property '%s'", type, key));
            }
        }
        String master = checked.get("master");
        if (type == ClusterType.LOCAL && master != null && !MASTER_LOCAL.matcher(master).matches()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The master of a LOCAL cluster is local, local[n] or local[*], not '%s'", master));
        }
        if (type == ClusterType.KUBERNETES && !MASTER_KUBERNETES.matcher(master).matches()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The master of a KUBERNETES cluster is k8s://https://host[:port], not '%s'", master));
        }
        if (type == ClusterType.YARN && !Files.isDirectory(Path.of(checked.get("hadoop-conf-dir")))) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The hadoop-conf-dir of a YARN cluster must be a directory: %s", checked.get("hadoop-conf-dir")));
        }
        for (String key : List.of("executor-instances", "executor-cores", "driver-cores", "quota-cores")) {
            String value = checked.get(key);
            if (value != null && !value.matches("[1-9][0-9]{0,4}")) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The property '%s' must be a positive whole number, not '%s'", key, value));
            }
        }
        for (String key : List.of("executor-memory", "driver-memory", "quota-memory")) {
            String value = checked.get(key);
            if (value != null && !value.matches("(?i)[1-9][0-9]{0,6}[kmgt]?")) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The property '%s' must be a size such as 512m or 4g, not '%s'", key, value));
            }
        }
        for (String storage : new Cluster("check", type, checked, "", Optional.empty()).storages()) {
            if (storages.get(storage).isEmpty()) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "No storage named " + storage);
            }
        }
        return checked;
    }

    /** Keys lower case, with '.' and '_' written '-' (except Spark's own settings, kept as Spark spells them). */
    private static Map<String, String> normalized(Map<String, String> properties)
    {
        Map<String, String> normalized = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            String name = key.startsWith("spark.") ? key : key.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
            if (value.length() > 4096 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The value of '%s' must be one line of at most 4096 characters", key));
            }
            normalized.put(name, value);
        });
        return normalized;
    }

    private static void put(Map<String, String> settings, String key, String value)
    {
        if (value != null && !value.isBlank()) {
            settings.put(key, value);
        }
    }

    private static SluiceException notFound(String name)
    {
        return new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "No cluster named " + name);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String what, String name)
    {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Unknown %s '%s'; one of %s", what, name, java.util.Arrays.toString(type.getEnumConstants())));
        }
    }

    private static List<String> sorted(Set<String> keys)
    {
        return keys.stream().sorted().toList();
    }
}
