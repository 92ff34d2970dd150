/** The Sluice gateway: its assembly ({@link io.sluice.server.SluiceServer}), entry point and backend. */
package io.sluice.server;
