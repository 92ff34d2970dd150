package io.sluice.jdbc;

import io.sluice.jdbc.SluiceUrl.HostPort;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;

/** The driver's exceptions: the server's SQLSTATE picks the {@link SQLException} subclass, as JDBC 4 defines them. */
final class Errors
{
    private Errors() {}

    static SQLException fromServer(String message, String sqlState, int errorCode)
    {
        String text = message == null || message.isEmpty() ? "The server reported an error without a message" : message;
        String state = sqlState == null || sqlState.isEmpty() ? "HY000" : sqlState;
        if (state.startsWith("42")) {
            return new SQLSyntaxErrorException(text, state, errorCode);
        }
        if (state.startsWith("22")) {
            return new SQLDataException(text, state, errorCode);
        }
        if (state.startsWith("28")) {
            return new SQLInvalidAuthorizationSpecException(text, state, errorCode);
        }
        if (state.startsWith("08")) {
            return new SQLNonTransientConnectionException(text, state, errorCode);
        }
        if (state.equals("HYT00") || state.equals("HYT01")) {
            return new SQLTimeoutException(text, state, errorCode);
        }
        if (state.startsWith("53")) {
            return new SQLTransientException(text, state, errorCode);
        }
        if (state.equals("0A000")) {
            return new SQLFeatureNotSupportedException(text, state, errorCode);
        }
        return new SQLException(text, state, errorCode);
    }

    /** The server was reached but refused the connection: bad credentials, or a session it would not open. */
    static SQLException connectionRefused(HostPort host, Exception e)
    {
        String reason = describe(e);
        if (reason.contains("HTTP 401") || reason.contains("HTTP 403") || reason.contains("Peer indicated failure")) {
            return new SQLInvalidAuthorizationSpecException("Sluice at " + host + " refused the login: " + reason, "28000", e);
        }
        return new SQLNonTransientConnectionException("Could not open a session at " + host + ": " + reason, "08001", e);
    }

    static String describe(Throwable e)
    {
        StringBuilder text = new StringBuilder();
        Throwable current = e;
        while (current != null) {
            String message = current.getMessage();
            if (message != null && !message.isEmpty() && text.indexOf(message) < 0) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(message);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
    }

    static SQLFeatureNotSupportedException notSupported(String what)
    {
        return new SQLFeatureNotSupportedException(what + " is not supported by the Sluice JDBC driver", "0A000");
    }
}
