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
            return Optional.of(new SessionCommand.Use(simpleName(use.name(), "database")));
        }
        if (statement instanceof SqlSessionSet set) {
            return Optional.of(set.reset() ? new SessionCommand.Reset(set.key()) : new SessionCommand.Set(set.key(), set.value()));
        }
        if (statement instanceof SqlShow show) {
            Optional<String> database = show.database().map(name -> simpleName(name, "database"));
            return Optional.of(switch (show.kind()) {
                case DATABASES -> new SessionCommand.ShowDatabases(show.pattern());
                case TABLES -> new SessionCommand.ShowTables(database, show.pattern());
                case VIEWS -> new SessionCommand.ShowViews(database, show.pattern());
                case FUNCTIONS -> new SessionCommand.ShowFunctions(show.pattern());
                case COLUMNS -> {
                    SqlIdentifier table = show.table().orElseThrow();
                    yield new SessionCommand.ShowColumns(database.or(() -> databasePart(table)), lastPart(table));
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
                    yield Optional.of(new SessionCommand.Describe(databasePart(table), lastPart(table)));
                }
                case DATABASE -> Optional.of(new SessionCommand.DescribeDatabase(simpleName(describe.name().orElseThrow(), "database")));
                case FUNCTION -> Optional.of(new SessionCommand.DescribeFunction(lastPart(describe.name().orElseThrow())));
                case QUERY -> Optional.empty();
            };
        }
        if (statement instanceof SqlCreateDatabase create) {
            return Optional.of(new SessionCommand.CreateDatabase(simpleName(create.name(), "database"), create.ifNotExists()));
        }
        if (statement instanceof SqlDropObject drop && drop.kind() == SqlDropObject.Kind.DATABASE) {
            return Optional.of(new SessionCommand.DropDatabase(simpleName(drop.name(), "database"), drop.ifExists(), drop.cascade()));
        }
        return Optional.empty();
    }

    /** Whether the statement is a cache statement without effect outside Spark: CACHE TABLE t, UNCACHE, CLEAR CACHE, REFRESH. */
    public static boolean isCacheHint(SqlNode statement)
    {
        return statement instanceof SqlCacheTable cache && cache.query().isEmpty();
    }

    private static String simpleName(SqlIdentifier identifier, String what)
    {
        if (identifier.names.size() != 1) {
            throw new SluiceException(ErrorCode.SYNTAX_ERROR, format("A %s name has one part, not '%s'", what, identifier));
        }
        return identifier.getSimple();
    }

    private static Optional<String> databasePart(SqlIdentifier table)
    {
        List<String> names = table.names;
        if (names.size() > 2) {
            throw new SluiceException(ErrorCode.SYNTAX_ERROR, format("A table name is [database.]table, not '%s'", table));
        }
        return names.size() == 2 ? Optional.of(names.get(0)) : Optional.empty();
    }

    private static String lastPart(SqlIdentifier identifier)
    {
        return identifier.names.get(identifier.names.size() - 1);
    }
}
