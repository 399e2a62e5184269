package dev.sppo.platform;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.logging.LoggingSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends the logs of everything in this JVM to one file ({@code platform-logback.xml}): INFO and above to the
 * file, only warnings and errors to stderr. Spring Boot's own logging system is switched off first, or each
 * service context would reconfigure Logback as it starts; java.util.logging (Tomcat) is bridged to SLF4J,
 * which Boot would otherwise have done.
 */
public final class PlatformLog {

    private static final String CONFIG = "platform-logback.xml";

    private PlatformLog() {}

    public static void toFile(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("PLATFORM_LOG", file.toAbsolutePath().toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(PlatformLog.class.getResource(CONFIG));
        } catch (JoranException e) {
            throw new IllegalStateException("the built-in " + CONFIG + " is broken: " + e.getMessage(), e);
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
