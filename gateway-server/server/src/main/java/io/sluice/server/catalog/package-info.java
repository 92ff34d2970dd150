/**
 * The gateway's view of the catalogs a statement is validated against.
 */
package io.sluice.server.catalog;
