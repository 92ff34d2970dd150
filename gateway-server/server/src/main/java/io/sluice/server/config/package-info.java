/** Settings and the gateway's typed configuration. */
package io.sluice.server.config;
