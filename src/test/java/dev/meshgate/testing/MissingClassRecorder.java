package dev.meshgate.testing;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * A system class loader (-Djava.system.class.loader) that reports on standard error every class looked up on the class
 * path and found in none of its jars: the JVM opens every jar to be sure of such a miss.
 */
public final class MissingClassRecorder extends URLClassLoader {

    /** The line that starts each report. */
    public static final String MISSING = "missing class: ";

    static {
        ClassLoader.registerAsParallelCapable();
    }

    public MissingClassRecorder(ClassLoader parent) {
        // The class path is loaded here rather than by the parent, so that every miss passes through findClass.
        super(classPath(), parent.getParent());
    }

    private static URL[] classPath() {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            try {
                urls[i] = new File(entries[i]).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entries[i], e);
            }
        }
        return urls;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return super.findClass(name);
        } catch (ClassNotFoundException e) {
            System.err.println(MISSING + name);
            throw e;
        }
    }
}
