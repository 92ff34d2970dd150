package io.sluice.jdbc.shell;

import io.sluice.jdbc.SluiceDriver;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code bin/sluice sql}: an interactive SQL shell on Sluice's JDBC driver, beeline's counterpart. Statements end
 * with {@code ;} and may span lines; results print as tables; {@code !help} lists the shell's commands. Statements
 * are appended to {@code ~/.sluice_history}. Reads standard input when it is not a terminal, so scripts pipe in.
 * Usage: {@code SluiceShell [jdbc:sluice://host:port/db] [-u user] [-p password | -P] [-e "statement;"] [--max-width n]}.
 */
public final class SluiceShell
{
    private static final int MAX_ROWS_SHOWN = 10_000;

    private final PrintStream out;
    private final int maxWidth;
    private boolean showLog;

    private SluiceShell(PrintStream out, int maxWidth)
    {
        this.out = out;
        this.maxWidth = maxWidth;
    }

    public static void main(String[] args)
            throws IOException
    {
        String url = "jdbc:sluice://127.0.0.1:10009/default";
        String user = System.getProperty("user.name", "anonymous");
        String password = null;
        String execute = null;
        int maxWidth = 80;
        boolean askPassword = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("-u") || arg.equals("-p") || arg.equals("-e") || arg.equals("--max-width")) && i + 1 >= args.length) {
                System.err.println("Missing the value of " + arg);
                System.exit(2);
            }
            switch (arg) {
                case "-u": user = args[++i]; break;
                case "-p": password = args[++i]; break;
                case "-e": execute = args[++i]; break;
                case "--max-width": maxWidth = Integer.parseInt(args[++i]); break;
                case "-P": askPassword = true; break;
                case "-h":
                case "--help":
                    System.out.println("usage: bin/sluice sql [jdbc:sluice://host:port/db] [-u user] [-p password | -P (ask)] [-e \"statement;\"] [--max-width n]");
                    return;
                default:
                    if (arg.startsWith("-")) {
                        System.err.println("Unknown option " + arg + " (see --help)");
                        System.exit(2);
                    }
                    url = arg;
            }
        }
        Console console = System.console();
        if (askPassword && console != null) {
            char[] typed = console.readPassword("Password for %s: ", user);
            password = typed == null ? "" : new String(typed);
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        SluiceShell shell = new SluiceShell(System.out, maxWidth);
        try (Connection connection = new SluiceDriver().connect(url, properties)) {
            if (connection == null) {
                System.err.println("Not a Sluice URL: " + url + " (expected jdbc:sluice://host[:port]/database)");
                System.exit(2);
            }
            if (execute != null) {
                boolean ok = true;
                for (String statement : StatementSplitter.split(execute)) {
                    ok &= shell.run(connection, statement);
                }
                System.exit(ok ? 0 : 1);
            }
            boolean interactive = console != null;
            if (interactive) {
                System.out.println("Connected to " + connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion()
                        + " at " + url + " as " + user + ". End statements with ';'; !help for help.");
            }
            shell.loop(connection, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), interactive);
        }
        catch (SQLException e) {
            System.err.println("Error: " + e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
            System.exit(1);
        }
    }

    private void loop(Connection connection, BufferedReader input, boolean interactive)
            throws IOException
    {
        StatementSplitter pending = new StatementSplitter();
        Path history = Path.of(System.getProperty("user.home", "."), ".sluice_history");
        boolean failed = false;
        while (true) {
            if (interactive) {
                out.print(pending.isEmpty() ? "sluice> " : "     -> ");
                out.flush();
            }
            String line = input.readLine();
            if (line == null) {
                break;
            }
            if (pending.isEmpty() && line.trim().startsWith("!")) {
                if (!command(connection, line.trim())) {
                    break;
                }
                continue;
            }
            for (String statement : pending.add(line)) {
                if (interactive) {
                    remember(history, statement);
                }
                failed |= !run(connection, statement);
            }
        }
        String rest = pending.rest();
        if (!rest.isEmpty()) {
            failed |= !run(connection, rest);
        }
        if (!interactive && failed) {
            System.exit(1);
        }
    }

    private static void remember(Path history, String statement)
    {
        try {
            Files.writeString(history, statement.replace('\n', ' ') + ";\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            // History is a convenience; the statement still runs.
        }
    }

    /** A shell command; false to quit. */
    private boolean command(Connection connection, String line)
    {
        String[] words = line.substring(1).trim().split("\\s+");
        switch (words[0].toLowerCase(java.util.Locale.ROOT)) {
            case "q":
            case "quit":
            case "exit":
                return false;
            case "tables":
                run(connection, "SHOW TABLES");
                return true;
            case "databases":
                run(connection, "SHOW DATABASES");
                return true;
            case "engines":
                run(connection, "SHOW ENGINES");
                return true;
            case "log":
                showLog = !showLog;
                out.println("Operation log " + (showLog ? "shown" : "hidden") + " after each statement");
                return true;
            case "history":
                try {
                    Path history = Path.of(System.getProperty("user.home", "."), ".sluice_history");
                    if (Files.exists(history)) {
                        List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
                        for (int i = Math.max(0, lines.size() - 20); i < lines.size(); i++) {
                            out.println(lines.get(i));
                        }
                    }
                }
                catch (IOException e) {
                    out.println("Cannot read the history: " + e.getMessage());
                }
                return true;
            case "help":
            default:
                out.println("Statements end with ';' and may span lines. Commands:\n"
                        + "  !tables      SHOW TABLES          !databases  SHOW DATABASES\n"
                        + "  !engines     SHOW ENGINES         !log        show/hide each statement's route and translation\n"
                        + "  !history     the last statements  !quit       leave (also end of input)");
                return true;
        }
    }

    /** Runs one statement and prints its result; false if it failed. */
    boolean run(Connection connection, String sql)
    {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            boolean hasResult = statement.execute(sql);
            if (hasResult) {
                try (ResultSet resultSet = statement.getResultSet()) {
                    if (showLog) {
                        printLog(statement.getWarnings());
                    }
                    int rows = printTable(resultSet);
                    out.printf("%d row%s (%.3f s)%n", rows, rows == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
                }
            }
            else {
                if (showLog) {
                    printLog(statement.getWarnings());
                }
                int count = statement.getUpdateCount();
                out.printf("%s (%.3f s)%n", count > 0 ? count + " row" + (count == 1 ? "" : "s") + " affected" : "OK", (System.nanoTime() - start) / 1e9);
            }
            return true;
        }
        catch (SQLException e) {
            out.println("Error: " + e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
            return false;
        }
    }

    private void printLog(SQLWarning warning)
    {
        for (SQLWarning line = warning; line != null; line = line.getNextWarning()) {
            out.println("-- " + line.getMessage());
        }
    }

    private int printTable(ResultSet resultSet)
            throws SQLException
    {
        ResultSetMetaData metadata = resultSet.getMetaData();
        int columns = metadata.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[columns];
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            header[i] = metadata.getColumnLabel(i + 1);
            widths[i] = header[i].length();
        }
        int count = 0;
        while (resultSet.next()) {
            count++;
            if (rows.size() >= MAX_ROWS_SHOWN) {
                continue;
            }
            String[] row = new String[columns];
            for (int i = 0; i < columns; i++) {
                String value = resultSet.getString(i + 1);
                row[i] = value == null ? "NULL" : abbreviate(value.replace('\n', ' '));
                widths[i] = Math.max(widths[i], row[i].length());
            }
            rows.add(row);
        }
        String border = border(widths);
        out.println(border);
        out.println(line(header, widths));
        out.println(border);
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
        out.println(border);
        if (count > rows.size()) {
            out.println("(showing the first " + rows.size() + " rows)");
        }
        return count;
    }

    private String abbreviate(String value)
    {
        return value.length() <= maxWidth ? value : value.substring(0, Math.max(1, maxWidth - 3)) + "...";
    }

    private static String border(int[] widths)
    {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        return line.toString();
    }

    private static String line(String[] values, int[] widths)
    {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < values.length; i++) {
            line.append(' ').append(values[i]).append(" ".repeat(widths[i] - values[i].length())).append(" |");
        }
        return line.toString();
    }
}
