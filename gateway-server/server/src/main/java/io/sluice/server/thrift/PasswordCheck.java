package io.sluice.server.thrift;

/** Checks a user's password for the Thrift transports; returns why the user may not connect, or null if it may. */
@FunctionalInterface
public interface PasswordCheck
{
    String check(String user, String password);
}
