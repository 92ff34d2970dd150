/**
 * Statements the gateway answers itself, with Spark's result shapes: {@code USE}, {@code SET},
 * {@code SHOW DATABASES}, {@code SHOW TABLES}, {@code DESCRIBE}, {@code CREATE DATABASE} and {@code DROP DATABASE}.
 * They are recognized by their leading keywords with a small lexer; the Calcite parser of the dialect issue takes
 * this over together with Sluice's SQL extensions.
 */
package io.sluice.server.command;
