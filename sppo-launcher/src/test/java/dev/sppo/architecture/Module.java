package dev.sppo.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Maven modules and the modules each may use: the engine and the contracts at the bottom, adapters, tooling
 * and services on the engine, the launcher on top. A module's classes are read from where the build put them:
 * its {@code target/classes} or its jar (not its tests, not the services' repackaged executable jars).
 */
enum Module {
    CONTRACTS("sppo-contracts"),
    CORE("sppo-core"),
    EMBEDDED("sppo-embedded"),
    SERVICE_SUPPORT("service-support", CONTRACTS),
    JUDGES("sppo-judges", CORE),
    CLIENT("sppo-client", CONTRACTS),
    BENCH("sppo-bench", CORE, CONTRACTS, JUDGES, CLIENT, EMBEDDED),
    GENERATOR("generator-service", CORE, CONTRACTS, SERVICE_SUPPORT),
    PREFERENCE("preference-service", CORE, CONTRACTS, JUDGES, SERVICE_SUPPORT),
    TRAINER("trainer-service", CORE, CONTRACTS, SERVICE_SUPPORT),
    GATEWAY("gateway", SERVICE_SUPPORT),
    LAUNCHER("sppo-launcher", CONTRACTS, CORE, EMBEDDED, SERVICE_SUPPORT, JUDGES, CLIENT, BENCH, GENERATOR,
            PREFERENCE, TRAINER, GATEWAY);

    private final String artifact;
    private final Set<Module> uses;

    Module(String artifact, Module... uses) {
        this.artifact = artifact;
        this.uses = Set.of(uses);
    }

    String artifact() {
        return artifact;
    }

    /** The modules this one may depend on (besides itself). */
    Set<Module> uses() {
        return uses;
    }

    /** This module's main classes. */
    JavaClasses classes() {
        Pattern main = Pattern.compile(".*/" + Pattern.quote(artifact) + "(/target/classes/|-\\d[^/!]*(?<!-tests|-exec)"
                + "\\.jar!/).*");
        return new ClassFileImporter().withImportOption((Location location) -> location.matches(main))
                .importPackages("dev.sppo");
    }
}
