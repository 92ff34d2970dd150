package io.sluice.server.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a query's whole result through JDBC as strings, a SQL NULL as {@code "null"}, for compact assertions. */
public final class JdbcRows
{
    private JdbcRows() {}

    public static List<List<String>> rows(Statement statement, String sql)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery(sql)) {
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
}
