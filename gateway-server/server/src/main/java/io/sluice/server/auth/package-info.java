/**
 * Who may connect: the authentication providers ({@code auth.providers}: {@code none}, {@code password-file}), the
 * delay that grows with repeated failures, and the password file's tool ({@code bin/sluice passwd}).
 */
package io.sluice.server.auth;
