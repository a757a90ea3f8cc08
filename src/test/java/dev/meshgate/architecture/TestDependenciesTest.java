package dev.meshgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Tests keep their servers and generators in src/test: the benchmarks' helpers are the users', not the tests'. */
class TestDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.meshgate");

    private static final ArchRule testsDoNotUseTheBenchmarks = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.meshgate.bench..")
            .because("test servers and synthetic repositories of the tests live in src/test");

    @Test
    void testsDoNotUseTheBenchmarks() {
        testsDoNotUseTheBenchmarks.check(CLASSES);
    }
}
