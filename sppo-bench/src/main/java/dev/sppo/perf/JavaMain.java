package dev.sppo.perf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a class's {@code main} in a new JVM on this JVM's classes: with this JVM's class
 * path, or, when this JVM runs from a Spring Boot executable jar (as {@code ./sppo} does, its classes nested
 * under {@code BOOT-INF}, where the system class loader does not see them), through the jar's
 * {@code PropertiesLauncher} with {@code -Dloader.main}.
 */
public final class JavaMain {

    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private JavaMain() {}

    /**
     * @param jvmOptions options before the class path
     * @param main the class whose {@code main} runs
     * @param args its arguments
     */
    public static List<String> command(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        if (onSystemClassPath(main)) {
            command.add(main.getName());
        } else {
            command.add("-Dloader.main=" + main.getName());
            command.add(PROPERTIES_LAUNCHER);
        }
        command.addAll(args);
        return command;
    }

    private static boolean onSystemClassPath(Class<?> type) {
        return ClassLoader.getSystemClassLoader().getResource(type.getName().replace('.', '/') + ".class") != null;
    }
}
