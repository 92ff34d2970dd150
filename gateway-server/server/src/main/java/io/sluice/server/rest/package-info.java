/** The REST API at {@code /api/v1}: JSON in and out, errors as RFC 9457 problem documents. */
package io.sluice.server.rest;
