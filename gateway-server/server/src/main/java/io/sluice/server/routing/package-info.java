/**
 * The statement path of a session with {@code sluice.engine=auto}: the tables a parsed statement touches resolved in
 * Sluice's catalogs, the router's choice among the engines, and the statement validated and translated for it.
 */
package io.sluice.server.routing;
