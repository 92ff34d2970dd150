package io.sluice.spi;

/**
 * Who is at fault for an error; picks the SQLSTATE class on the wire and the HTTP status of REST problems.
 */
public enum ErrorType
{
    /** The statement, a setting or a request is wrong; retrying it unchanged fails again. */
    USER_ERROR,
    /** A defect in Sluice. */
    INTERNAL_ERROR,
    /** A limit was reached; retrying later or with a smaller request may succeed. */
    INSUFFICIENT_RESOURCES,
    /** An engine or another system Sluice depends on failed or is unreachable. */
    EXTERNAL,
}
