package io.sluice.server.thrift;

/**
 * Checks a user's password for the Thrift transports and REST; returns why the user may not connect (the same words
 * whatever was wrong), or null if it may. {@code address} is the client's, for the delay after repeated failures.
 */
@FunctionalInterface
public interface PasswordCheck
{
    String check(String user, String password, String address);
}
