package io.sluice.metastore;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the metadata store lives: an embedded H2 database under the data directory ({@code var/meta/}) unless
 * {@code metastore.url} names another, PostgreSQL for production and for several Sluice instances sharing one state.
 *
 * @param url the JDBC URL ({@code metastore.url})
 * @param user the database user ({@code metastore.user}), if the database needs one
 * @param password the user's password ({@code metastore.password}); never logged or shown
 */
public record MetastoreConfig(String url, Optional<String> user, Optional<String> password)
{
    public static final String URL = "metastore.url";
    public static final String USER = "metastore.user";
    public static final String PASSWORD = "metastore.password";

    public MetastoreConfig
    {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    /** The embedded default: an H2 database file under {@code <dataDirectory>/meta}. */
    public static MetastoreConfig embedded(Path dataDirectory)
    {
        Path file = dataDirectory.toAbsolutePath().resolve("meta").resolve("sluice");
        // Unquoted names in lower case, as PostgreSQL keeps them: Iceberg's catalog looks its tables and columns up so.
        return new MetastoreConfig("jdbc:h2:file:" + file + ";DATABASE_TO_LOWER=TRUE", Optional.empty(), Optional.empty());
    }

    /** Whether this is the embedded H2 database (one Sluice process at a time). */
    public boolean isEmbedded()
    {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString()
    {
        // The password stays out of logs and error messages.
        return "MetastoreConfig[url=" + url + ", user=" + user.orElse("") + "]";
    }
}
