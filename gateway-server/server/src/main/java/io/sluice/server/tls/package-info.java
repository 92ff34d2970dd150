/** TLS for the binary port, Thrift HTTP and REST: PEM files or a keystore, reloaded when they change. */
package io.sluice.server.tls;
