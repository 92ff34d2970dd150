package io.sluice.dialects.validate;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/** Spark's numeric limits: DECIMAL up to (38, 38), DECIMAL alone meaning DECIMAL(10, 0). */
public final class SluiceTypeSystem
        extends RelDataTypeSystemImpl
{
    public static final SluiceTypeSystem INSTANCE = new SluiceTypeSystem();

    private SluiceTypeSystem() {}

    @Override
    public int getMaxPrecision(SqlTypeName typeName)
    {
        return switch (typeName) {
            case DECIMAL -> 38;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME -> 9;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName)
    {
        return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName)
    {
        return switch (typeName) {
            case DECIMAL -> 10;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 6;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying()
    {
        return true;
    }
}
