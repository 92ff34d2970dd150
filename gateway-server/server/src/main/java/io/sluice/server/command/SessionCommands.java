package io.sluice.server.command;

import io.sluice.server.command.SqlLexer.Kind;
import io.sluice.server.command.SqlLexer.Token;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.List;
import java.util.Optional;

/** Recognizes the statements the gateway answers itself; everything else goes to an engine. */
public final class SessionCommands
{
    private SessionCommands() {}

    public static Optional<SessionCommand> parse(String sql)
    {
        List<Token> tokens = SqlLexer.tokenize(sql);
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(';')) {
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        Cursor cursor = new Cursor(tokens);
        Token first = cursor.next();
        return switch (first.upper()) {
            case "USE" -> Optional.of(new SessionCommand.Use(cursor.singleNameToEnd("USE")));
            case "SET" -> Optional.of(parseSet(sql, cursor));
            case "SHOW" -> parseShow(cursor);
            case "DESCRIBE", "DESC" -> parseDescribe(cursor);
            case "CREATE" -> parseCreateDatabase(cursor);
            case "DROP" -> parseDropDatabase(cursor);
            default -> Optional.empty();
        };
    }

    private static SessionCommand parseSet(String sql, Cursor cursor)
    {
        if (cursor.atEnd()) {
            return new SessionCommand.Set(Optional.empty(), Optional.empty());
        }
        String text = sql.substring(cursor.peek().start()).strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.equals("-v")) {
            return new SessionCommand.Set(Optional.empty(), Optional.empty());
        }
        int equals = text.indexOf('=');
        if (equals < 0) {
            return new SessionCommand.Set(Optional.of(text), Optional.empty());
        }
        String key = text.substring(0, equals).strip();
        if (key.isEmpty()) {
            throw new SluiceException(ErrorCode.SYNTAX_ERROR, "SET needs a key before '=': " + text);
        }
        return new SessionCommand.Set(Optional.of(key), Optional.of(text.substring(equals + 1).strip()));
    }

    private static Optional<SessionCommand> parseShow(Cursor cursor)
    {
        if (cursor.acceptWord("DATABASES") || cursor.acceptWord("SCHEMAS")) {
            Optional<String> pattern = cursor.optionalLikePattern();
            return cursor.atEnd() ? Optional.of(new SessionCommand.ShowDatabases(pattern)) : Optional.empty();
        }
        if (cursor.acceptWord("TABLES")) {
            Optional<String> database = Optional.empty();
            if (cursor.acceptWord("FROM") || cursor.acceptWord("IN")) {
                database = Optional.of(cursor.name());
            }
            Optional<String> pattern = cursor.optionalLikePattern();
            return cursor.atEnd() ? Optional.of(new SessionCommand.ShowTables(database, pattern)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<SessionCommand> parseDescribe(Cursor cursor)
    {
        cursor.acceptWord("TABLE");
        if (!cursor.acceptWord("EXTENDED")) {
            cursor.acceptWord("FORMATTED");
        }
        if (cursor.atEnd() || !cursor.peek().isIdentifier()) {
            return Optional.empty();
        }
        if (cursor.peek().kind() == Kind.WORD && (cursor.peek().isWord("FUNCTION") || cursor.peek().isWord("DATABASE") || cursor.peek().isWord("SCHEMA") || cursor.peek().isWord("QUERY"))) {
            return Optional.empty();
        }
        String first = cursor.name();
        if (cursor.acceptSymbol('.')) {
            String table = cursor.name();
            return cursor.atEnd() ? Optional.of(new SessionCommand.Describe(Optional.of(first), table)) : Optional.empty();
        }
        return cursor.atEnd() ? Optional.of(new SessionCommand.Describe(Optional.empty(), first)) : Optional.empty();
    }

    private static Optional<SessionCommand> parseCreateDatabase(Cursor cursor)
    {
        if (!cursor.acceptWord("DATABASE") && !cursor.acceptWord("SCHEMA")) {
            return Optional.empty();
        }
        boolean ifNotExists = false;
        if (cursor.acceptWord("IF")) {
            cursor.expectWord("NOT");
            cursor.expectWord("EXISTS");
            ifNotExists = true;
        }
        return Optional.of(new SessionCommand.CreateDatabase(cursor.singleNameToEnd("CREATE DATABASE"), ifNotExists));
    }

    private static Optional<SessionCommand> parseDropDatabase(Cursor cursor)
    {
        if (!cursor.acceptWord("DATABASE") && !cursor.acceptWord("SCHEMA")) {
            return Optional.empty();
        }
        boolean ifExists = false;
        if (cursor.acceptWord("IF")) {
            cursor.expectWord("EXISTS");
            ifExists = true;
        }
        String database = cursor.name();
        boolean cascade = cursor.acceptWord("CASCADE");
        if (!cascade) {
            cursor.acceptWord("RESTRICT");
        }
        cursor.expectEnd("DROP DATABASE");
        return Optional.of(new SessionCommand.DropDatabase(database, ifExists, cascade));
    }

    private static final class Cursor
    {
        private final List<Token> tokens;
        private int position;

        Cursor(List<Token> tokens)
        {
            this.tokens = tokens;
        }

        boolean atEnd()
        {
            return position >= tokens.size();
        }

        Token peek()
        {
            return tokens.get(position);
        }

        Token next()
        {
            return tokens.get(position++);
        }

        boolean acceptWord(String word)
        {
            if (!atEnd() && peek().isWord(word)) {
                position++;
                return true;
            }
            return false;
        }

        boolean acceptSymbol(char symbol)
        {
            if (!atEnd() && peek().isSymbol(symbol)) {
                position++;
                return true;
            }
            return false;
        }

        void expectWord(String word)
        {
            if (!acceptWord(word)) {
                throw syntaxError("expected " + word);
            }
        }

        String name()
        {
            if (atEnd() || !peek().isIdentifier()) {
                throw syntaxError("expected a name");
            }
            return next().text();
        }

        String singleNameToEnd(String statement)
        {
            String name = name();
            expectEnd(statement);
            return name;
        }

        void expectEnd(String statement)
        {
            if (!atEnd()) {
                throw new SluiceException(ErrorCode.SYNTAX_ERROR,
                        "Unexpected '" + peek().text() + "' at position " + (peek().start() + 1) + ": " + statement + " takes a single database name");
            }
        }

        Optional<String> optionalLikePattern()
        {
            boolean like = acceptWord("LIKE");
            if (!atEnd() && peek().kind() == Kind.STRING) {
                return Optional.of(next().text());
            }
            if (like) {
                throw syntaxError("expected a quoted pattern after LIKE");
            }
            return Optional.empty();
        }

        private SluiceException syntaxError(String expectation)
        {
            String where = atEnd() ? "at the end of the statement" : "at '" + peek().text() + "' (position " + (peek().start() + 1) + ")";
            return new SluiceException(ErrorCode.SYNTAX_ERROR, "Syntax error " + where + ": " + expectation);
        }
    }
}
