package io.sluice.router.plugin;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The class loader of one plugin: its own jars, the JDK (through the platform class loader) and, from the server, only
 * the packages plugins and server share: the SPI ({@code io.sluice.spi}) and SLF4J's API, so that a plugin logs
 * through the server's one logging backend. Everything else a plugin uses is its own, in the version it bundles, and
 * never reaches the server or another plugin. (Trino's {@code PluginClassLoader} works the same way.)
 */
public final class PluginClassLoader
        extends URLClassLoader
{
    /** Packages the server lends to every plugin. */
    public static final List<String> SHARED_PACKAGES = List.of("io.sluice.spi.", "org.slf4j.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final String pluginName;
    private final ClassLoader serverClassLoader;

    public PluginClassLoader(String pluginName, List<URL> urls, ClassLoader serverClassLoader)
    {
        super("plugin-" + pluginName, urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        this.pluginName = requireNonNull(pluginName, "pluginName is null");
        this.serverClassLoader = requireNonNull(serverClassLoader, "serverClassLoader is null");
    }

    public String pluginName()
    {
        return pluginName;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve)
            throws ClassNotFoundException
    {
        if (!isShared(name)) {
            // The JDK first (the platform class loader is the parent), then the plugin's own jars.
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = serverClassLoader.loadClass(name);
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    public URL getResource(String name)
    {
        // A shared class's bytes come from where the class does; the plugin's other resources are its own.
        if (isSharedResource(name)) {
            return serverClassLoader.getResource(name);
        }
        return super.getResource(name);
    }

    static boolean isShared(String className)
    {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSharedResource(String name)
    {
        return name.endsWith(".class") && isShared(name.replace('/', '.'));
    }

    @Override
    public String toString()
    {
        return "PluginClassLoader[" + pluginName + "]";
    }
}
