package fr.preau;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules keep to their boundaries (DESIGN.md, "Code layout"): no cycles, other
 * modules use only a module's API (its root package and named interfaces such as
 * {@code platform.web}), never its {@code internal} package, and beans get their
 * dependencies through constructors. Also writes the module documentation (PlantUML
 * diagrams and module canvases) to {@code target/spring-modulith-docs}.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PreauApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void knowsTheModulesOfTheDesign() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("platform", "tenancy", "identity", "admin");
    }

    @Test
    void writesTheModuleDocumentation() {
        Documenter documenter = new Documenter(MODULES);
        documenter.writeDocumentation();
        Path output = Path.of("target", "spring-modulith-docs");
        assertThat(output.resolve("components.puml")).exists();
        assertThat(output).isDirectoryContaining(p -> p.getFileName().toString().startsWith("module-identity"));
    }
}
