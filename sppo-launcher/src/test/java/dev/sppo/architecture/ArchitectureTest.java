package dev.sppo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layering the README's architecture section draws, checked on the compiled classes: sppo-core is the engine
 * only (no Spring, no HTTP client, nothing of the tooling, the adapters or the services), each module uses only
 * the modules below it, the services never import each other, and no module has a package cycle.
 */
class ArchitectureTest {

    private static final Map<Module, JavaClasses> CLASSES = new EnumMap<>(Module.class);
    private static final Map<Module, Set<String>> PACKAGES = new EnumMap<>(Module.class);

    @BeforeAll
    static void read() {
        for (Module module : Module.values()) {
            JavaClasses classes = module.classes();
            CLASSES.put(module, classes);
            Set<String> packages = new TreeSet<>();
            classes.forEach(c -> packages.add(c.getPackageName()));
            PACKAGES.put(module, packages);
        }
    }

    @ParameterizedTest
    @EnumSource(Module.class)
    void everyModuleIsFound(Module module) {
        assertThat(CLASSES.get(module)).as(module.artifact() + "'s classes").isNotEmpty();
    }

    @Test
    void noPackageLivesInTwoModules() {
        Map<String, Module> owner = new HashMap<>();
        for (Module module : Module.values()) {
            for (String pkg : PACKAGES.get(module)) {
                Module other = owner.putIfAbsent(pkg, module);
                assertThat(other).as("package " + pkg + " is in " + other + " and " + module).isNull();
            }
        }
    }

    @Test
    void theEngineHasNoSpringAndNoHttpClient() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .because("sppo-core is the engine only: services and adapters wrap it")
                .check(CLASSES.get(Module.CORE));
    }

    @ParameterizedTest
    @EnumSource(Module.class)
    void aModuleUsesOnlyTheModulesBelowIt(Module module) {
        Set<String> forbidden = new TreeSet<>();
        for (Module other : Module.values()) {
            if (other != module && !module.uses().contains(other)) {
                forbidden.addAll(PACKAGES.get(other));
            }
        }
        noClasses().should().dependOnClassesThat(inAnyOf(forbidden))
                .because(module.artifact() + " may use only " + module.uses())
                .allowEmptyShould(true)
                .check(CLASSES.get(module));
    }

    @ParameterizedTest
    @EnumSource(Module.class)
    void aModuleHasNoPackageCycle(Module module) {
        slices().matching("dev.sppo.(**)").should().beFreeOfCycles().allowEmptyShould(true)
                .check(CLASSES.get(module));
    }

    private static DescribedPredicate<JavaClass> inAnyOf(Set<String> packages) {
        return DescribedPredicate.describe("reside in another module's package",
                c -> packages.contains(c.getPackageName()));
    }
}
