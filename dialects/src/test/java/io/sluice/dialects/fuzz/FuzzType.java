package io.sluice.dialects.fuzz;

/** The Spark types the generator writes expressions of; each names the Spark SQL type it stands for. */
public enum FuzzType
{
    INT("INT"),
    BIGINT("BIGINT"),
    DOUBLE("DOUBLE"),
    DECIMAL("DECIMAL(10, 2)"),
    STRING("STRING"),
    BOOLEAN("BOOLEAN"),
    DATE("DATE"),
    TIMESTAMP("TIMESTAMP"),
    INT_ARRAY("ARRAY<INT>"),
    STRING_ARRAY("ARRAY<STRING>");

    private final String sparkType;

    FuzzType(String sparkType)
    {
        this.sparkType = sparkType;
    }

    /** The type as Spark SQL spells it in a CAST. */
    public String sparkType()
    {
        return sparkType;
    }
}
