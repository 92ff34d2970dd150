/** The HiveServer2 Thrift protocol: the TCLIService, its binary (SASL PLAIN, NOSASL) and HTTP transports. */
package io.sluice.server.thrift;
