package io.sluice.server.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * JDBC helpers for compact assertions: a whole result as strings (a SQL NULL as {@code "null"}), one column, a query running in
 * the background, an engine's state.
 */
public final class JdbcRows
{
    private JdbcRows() {}

    public static List<List<String>> rows(Statement statement, String sql)
            throws SQLException
    {
        return rows(statement.executeQuery(sql));
    }

    /** A result's rows as strings ({@code "null"} for NULL); closes the result. */
    public static List<List<String>> rows(ResultSet resultSet)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (resultSet) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(String.valueOf(resultSet.getString(column)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** One column of a result (a metadata call's, say) as strings; closes the result. */
    public static List<String> column(ResultSet resultSet, String name)
            throws SQLException
    {
        List<String> values = new ArrayList<>();
        try (resultSet) {
            while (resultSet.next()) {
                values.add(resultSet.getString(name));
            }
        }
        return values;
    }

    /** Runs a statement on another thread, as a client whose query is under way while the test acts. */
    public static CompletableFuture<Void> executeInBackground(Statement statement, String sql)
    {
        return CompletableFuture.runAsync(() -> {
            try {
                statement.executeQuery(sql);
            }
            catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The state SHOW ENGINES reports for {@code engine} (UP, DOWN, ...). */
    public static List<String> engineState(Statement statement, String engine)
            throws SQLException
    {
        return rows(statement, "SHOW ENGINES").stream().filter(row -> row.get(0).equals(engine)).map(row -> row.get(1)).toList();
    }

    /** The operation log of the statement's last operation, through the Hive driver's own call (its classes are the driver's class loader's). */
    @SuppressWarnings("unchecked")
    public static List<String> operationLog(Statement statement)
    {
        try {
            return (List<String>) statement.getClass().getMethod("getQueryLog").invoke(statement);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The driver's statement has no getQueryLog", e);
        }
    }
}
