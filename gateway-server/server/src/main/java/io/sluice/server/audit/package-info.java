/**
 * The audit log: logins, statements and security changes, allowed or denied, in the metadata store and a JSON-lines
 * file ({@code SHOW AUDIT}, {@code GET /api/v1/audit}).
 */
package io.sluice.server.audit;
