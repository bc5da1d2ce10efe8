package io.joulebench.algorithms.local;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * Runs step benchmarks ({@code *Bench} classes) in a plain JVM, without Maven or a JUnit launcher: every
 * {@code @Test} method of each class named on the command line, in name order, as JUnit would call them (the bench
 * classes are package-private, hence the accessible flags). With {@code -Djoulebench.bench.only=NAME} only that
 * workload is timed (see {@link BenchReport}). benchmarks/throughput.sh starts one of these per workload and round:
 * <pre>
 * java -cp CLASSPATH -Djoulebench.bench.only='mf layer-1 step (784->1000)' \
 *     io.joulebench.algorithms.local.BenchMain io.joulebench.algorithms.mf.MfThroughputBench
 * </pre>
 * A failing bench ends the JVM with the exception (exit status 1); the {@code @EnabledIfSystemProperty} guard is
 * JUnit's and is not consulted here.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: BenchMain BENCH_CLASS... (fully qualified names)");
        }
        for (String name : args) {
            Class<?> bench = Class.forName(name);
            Constructor<?> constructor = bench.getDeclaredConstructor();
            constructor.setAccessible(true);
            Method[] methods = bench.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            boolean any = false;
            for (Method m : methods) {
                if (m.isAnnotationPresent(Test.class)) {
                    any = true;
                    m.setAccessible(true);
                    try {
                        m.invoke(constructor.newInstance());
                    } catch (InvocationTargetException e) {
                        throw new IllegalStateException(name + "." + m.getName() + " failed", e.getCause());
                    }
                }
            }
            if (!any) {
                throw new IllegalArgumentException(name + " has no @Test method");
            }
        }
    }
}
