package io.sluice.engine.flink.local;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.factories.CatalogFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.nio.file.Path;
import java.util.Set;

/** {@code type: sluice-local}: the {@link LocalCatalog} at {@code path}. */
public final class LocalCatalogFactory
        implements CatalogFactory
{
    public static final String IDENTIFIER = "sluice-local";
    static final ConfigOption<String> PATH = ConfigOptions.key("path").stringType().noDefaultValue()
            .withDescription("The directory that keeps the catalog's databases, tables and managed tables' data.");
    static final ConfigOption<String> DEFAULT_DATABASE = ConfigOptions.key("default-database").stringType().defaultValue("default_database");

    @Override
    public String factoryIdentifier()
    {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions()
    {
        return Set.of(PATH);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions()
    {
        return Set.of(DEFAULT_DATABASE);
    }

    @Override
    public Catalog createCatalog(Context context)
    {
        FactoryUtil.CatalogFactoryHelper helper = FactoryUtil.createCatalogFactoryHelper(this, context);
        helper.validate();
        return LocalCatalog.at(context.getName(), helper.getOptions().get(DEFAULT_DATABASE), Path.of(helper.getOptions().get(PATH)));
    }
}
