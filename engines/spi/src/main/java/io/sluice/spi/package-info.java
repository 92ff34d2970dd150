/**
 * What every Sluice module builds on: the error model ({@link io.sluice.spi.SluiceException} with a stable
 * {@link io.sluice.spi.ErrorCode}), the type system, columnar row batches and the engine SPI.
 */
package io.sluice.spi;
