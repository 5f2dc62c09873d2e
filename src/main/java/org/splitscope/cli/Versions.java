package org.splitscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code splitscope --version} prints: SplitScope's version, the Java runtime that runs it
 * (its version, vendor and home, so that an app image shows its bundled runtime) and the JavaFX
 * version, found without starting the JavaFX toolkit, so that it works with no display.
 *
 * <p>JavaFX sets {@code javafx.version} only when the toolkit starts, so the version is read from
 * where JavaFX is: in a runtime image or on the module path (the app image, {@code mvn javafx:run})
 * the {@code javafx.base} module records it; on the class path (the runnable jar, the tests) JavaFX's
 * own {@code com.sun.javafx.runtime.VersionInfo} holds it as a constant, read by name so that the
 * command line never links against JavaFX (its class initialiser only assigns strings).
 */
final class Versions implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "SplitScope " + splitScope(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.home") + ")",
            "JavaFX " + javaFx().orElse("not found"),
        };
    }

    /** The project's version, written into a resource by the build. */
    static String splitScope() {
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: a version is not worth failing --version for
        }
        return "(unknown version)";
    }

    /** JavaFX's version, or empty when JavaFX is not there (a build without the app). */
    static Optional<String> javaFx() {
        Optional<String> fromModule = ModuleLayer.boot().findModule("javafx.base")
                .flatMap(m -> m.getDescriptor().rawVersion());
        if (fromModule.isPresent()) {
            return fromModule;
        }
        try {
            Class<?> info = Class.forName("com.sun.javafx.runtime.VersionInfo", true, Versions.class.getClassLoader());
            return Optional.of((String) info.getMethod("getVersion").invoke(null));
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return Optional.empty();
        }
    }
}
