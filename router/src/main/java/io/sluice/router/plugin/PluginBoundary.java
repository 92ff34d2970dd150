package io.sluice.router.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Calls into a plugin with the plugin's class loader as the thread's context class loader, as libraries inside it
 * expect (Spark's client resolves classes through it; so do threads the plugin starts during a call). An SPI object a
 * plugin hands back ({@code Engine}, {@code EngineSession}, {@code EngineStatement}, {@code EngineMetadata}, ...) is
 * wrapped the same way, so the whole conversation with a plugin crosses this one boundary.
 */
public final class PluginBoundary
{
    private static final String SPI_PACKAGE = "io.sluice.spi.";

    private PluginBoundary() {}

    /** {@code target} behind the boundary of {@code loader}, seen as {@code type}; {@code target} itself when it is not a plugin's. */
    public static <T> T wrap(Class<T> type, T target, ClassLoader loader)
    {
        requireNonNull(type, "type is null");
        requireNonNull(loader, "loader is null");
        return type.cast(wrapValue(type, target, loader));
    }

    private static Object wrapValue(Class<?> declared, Object value, ClassLoader loader)
    {
        if (value == null || !declared.isInterface() || !declared.getName().startsWith(SPI_PACKAGE) || Proxy.isProxyClass(value.getClass())
                || value.getClass().getClassLoader() != loader) {
            return value;
        }
        Class<?>[] interfaces = spiInterfaces(value.getClass());
        return Proxy.newProxyInstance(declared.getClassLoader(), interfaces, new Handler(value, loader));
    }

    /** Every SPI interface the plugin's class implements, so that the proxy answers the same {@code instanceof}s. */
    private static Class<?>[] spiInterfaces(Class<?> type)
    {
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            pending.add(current);
        }
        while (!pending.isEmpty()) {
            for (Class<?> implemented : pending.poll().getInterfaces()) {
                if (implemented.getName().startsWith(SPI_PACKAGE) || implemented == AutoCloseable.class) {
                    found.add(implemented);
                }
                pending.add(implemented);
            }
        }
        return found.toArray(new Class<?>[0]);
    }

    private record Handler(Object target, ClassLoader loader)
            implements InvocationHandler
    {
        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments)
                throws Throwable
        {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> target.toString();
                };
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return wrapValue(method.getReturnType(), method.invoke(target, arguments), loader);
            }
            catch (InvocationTargetException e) {
                throw e.getCause();
            }
            finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
