/**
 * Authorization ({@code auth.authorization=grants}): roles, privileges on catalogs, databases and tables, row
 * filters and column masks, kept in the metadata store and enforced on every statement before any engine sees it.
 */
package io.sluice.server.access;
