/** What a parsed statement touches and how, read from its syntax tree before any catalog is asked: the router's input. */
package io.sluice.dialects.analyze;
