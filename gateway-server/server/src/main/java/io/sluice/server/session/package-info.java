/** Sessions: who owns them, their settings and current database, their engine sessions and their limits. */
package io.sluice.server.session;
