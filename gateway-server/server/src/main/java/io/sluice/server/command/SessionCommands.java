package io.sluice.server.command;

import io.sluice.dialects.ast.SqlCacheTable;
import io.sluice.dialects.ast.SqlCreateDatabase;
import io.sluice.dialects.ast.SqlDescribeObject;
import io.sluice.dialects.ast.SqlDropObject;
import io.sluice.dialects.ast.SqlSessionSet;
import io.sluice.dialects.ast.SqlShow;
import io.sluice.dialects.ast.SqlUseDatabase;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.lang.String.format;

/**
 * The statements the gateway answers itself, recognized in the parse tree: USE, SET, RESET, SHOW, DESCRIBE
 * (of a table, database or function), CREATE/DROP DATABASE.
 */
public final class SessionCommands
{
    private SessionCommands() {}

    /** The session command a parsed statement is, if it is one. */
    public static Optional<SessionCommand> fromTree(SqlNode statement)
    {
        if (statement instanceof SqlUseDatabase use) {
            return Optional.of(new SessionCommand.Use(databaseName(use.name())));
        }
        if (statement instanceof SqlSessionSet set) {
            return Optional.of(set.reset() ? new SessionCommand.Reset(set.key()) : new SessionCommand.Set(set.key(), set.value()));
        }
        if (statement instanceof SqlShow show) {
            Optional<String> database = show.database().map(SessionCommands::databaseName);
            return Optional.of(switch (show.kind()) {
                case DATABASES -> new SessionCommand.ShowDatabases(database.map(name -> name.toLowerCase(Locale.ROOT)), show.pattern());
                case CATALOGS -> new SessionCommand.ShowCatalogs(show.pattern());
                case QUERIES -> new SessionCommand.ShowQueries();
                case TABLES -> new SessionCommand.ShowTables(database, show.pattern());
                case VIEWS -> new SessionCommand.ShowViews(database, show.pattern());
                case FUNCTIONS -> new SessionCommand.ShowFunctions(show.pattern());
                case ENGINES -> new SessionCommand.ShowEngines();
                case STATS -> {
                    SqlIdentifier table = show.table().orElseThrow();
                    yield new SessionCommand.ShowStats(databasePart(table), lastPart(table));
                }
                case COLUMNS -> {
                    SqlIdentifier table = show.table().orElseThrow();
                    yield new SessionCommand.ShowColumns(database.or(() -> databasePart(table)), lastPart(table));
                }
                case PARTITIONS -> {
                    SqlIdentifier table = show.table().orElseThrow();
                    yield new SessionCommand.ShowPartitions(databasePart(table), lastPart(table), show.partition());
                }
                case CREATE_TABLE, CREATE_VIEW -> {
                    SqlIdentifier table = show.table().orElseThrow();
                    yield new SessionCommand.ShowCreate(databasePart(table), lastPart(table), show.kind() == SqlShow.Kind.CREATE_VIEW);
                }
            });
        }
        if (statement instanceof SqlDescribeObject describe) {
            return switch (describe.kind()) {
                case TABLE -> {
                    SqlIdentifier table = describe.name().orElseThrow();
                    if (describe.column().isPresent()) {
                        throw new SluiceException(ErrorCode.NOT_SUPPORTED, "DESCRIBE of a single column is not supported; DESCRIBE the table");
                    }
                    yield Optional.of(new SessionCommand.Describe(databasePart(table), lastPart(table), describe.detail()));
                }
                case DATABASE -> Optional.of(new SessionCommand.DescribeDatabase(databaseName(describe.name().orElseThrow())));
                case FUNCTION -> Optional.of(new SessionCommand.DescribeFunction(lastPart(describe.name().orElseThrow())));
                case QUERY -> Optional.empty();
            };
        }
        if (statement instanceof SqlCreateDatabase create) {
            return Optional.of(new SessionCommand.CreateDatabase(databaseName(create.name()), create.ifNotExists()));
        }
        if (statement instanceof SqlDropObject drop && drop.kind() == SqlDropObject.Kind.DATABASE) {
            return Optional.of(new SessionCommand.DropDatabase(databaseName(drop.name()), drop.ifExists(), drop.cascade()));
        }
        return Optional.empty();
    }

    /** Whether the statement is a cache statement without effect outside Spark: CACHE TABLE t, UNCACHE, CLEAR CACHE, REFRESH. */
    public static boolean isCacheHint(SqlNode statement)
    {
        return statement instanceof SqlCacheTable cache && cache.query().isEmpty();
    }

    /** {@code database} or, as in Spark, {@code catalog.database}: the database the engine names {@code catalog.database}. */
    private static String databaseName(SqlIdentifier identifier)
    {
        if (identifier.names.size() > 2) {
            throw new SluiceException(ErrorCode.SYNTAX_ERROR, format("A database name is [catalog.]database, not '%s'", identifier));
        }
        return String.join(".", identifier.names);
    }

    private static Optional<String> databasePart(SqlIdentifier table)
    {
        List<String> names = table.names;
        if (names.size() > 3) {
            throw new SluiceException(ErrorCode.SYNTAX_ERROR, format("A table name is [[catalog.]database.]table, not '%s'", table));
        }
        return names.size() > 1 ? Optional.of(String.join(".", names.subList(0, names.size() - 1))) : Optional.empty();
    }

    private static String lastPart(SqlIdentifier identifier)
    {
        return identifier.names.get(identifier.names.size() - 1);
    }
}
