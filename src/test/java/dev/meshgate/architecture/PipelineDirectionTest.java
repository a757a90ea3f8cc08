package dev.meshgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Packages import in the pipeline's direction only (docs/architecture.md): each stage knows the stages it drives and
 * the output types of those before it, never the stage that drives it. A wrong import fails the build here.
 */
class PipelineDirectionTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.meshgate");

    private static final ArchRule stagesImportInThePipelinesDirection = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("main")
            .definedBy("dev.meshgate")
            .layer("bench")
            .definedBy("dev.meshgate.bench..")
            .layer("cli")
            .definedBy("dev.meshgate.cli..")
            .layer("api")
            .definedBy("dev.meshgate.api..")
            .layer("metrics")
            .definedBy("dev.meshgate.metrics..")
            .layer("health")
            .definedBy("dev.meshgate.health..")
            .layer("intake")
            .definedBy("dev.meshgate.intake..")
            .layer("runs")
            .definedBy("dev.meshgate.runs..")
            .layer("forge")
            .definedBy("dev.meshgate.forge..")
            .layer("git")
            .definedBy("dev.meshgate.git..")
            .layer("validation")
            .definedBy("dev.meshgate.validation..")
            .layer("cluster")
            .definedBy("dev.meshgate.cluster..")
            .layer("render")
            .definedBy("dev.meshgate.render..")
            .layer("report")
            .definedBy("dev.meshgate.report..")
            .layer("analysis")
            .definedBy("dev.meshgate.analysis..")
            .layer("manifest")
            .definedBy("dev.meshgate.manifest..")
            .layer("revision")
            .definedBy("dev.meshgate.revision..")
            .layer("config")
            .definedBy("dev.meshgate.config..")
            .layer("files")
            .definedBy("dev.meshgate.files..")
            .whereLayer("files")
            .mayNotAccessAnyLayer()
            .whereLayer("config")
            .mayNotAccessAnyLayer()
            .whereLayer("revision")
            .mayNotAccessAnyLayer()
            .whereLayer("manifest")
            .mayNotAccessAnyLayer()
            .whereLayer("analysis")
            .mayOnlyAccessLayers("manifest")
            .whereLayer("report")
            .mayOnlyAccessLayers("analysis", "manifest")
            .whereLayer("render")
            .mayOnlyAccessLayers("manifest", "revision", "files")
            .whereLayer("cluster")
            .mayOnlyAccessLayers("manifest", "config")
            .whereLayer("validation")
            .mayOnlyAccessLayers("render", "cluster", "report", "analysis", "manifest", "revision")
            .whereLayer("git")
            .mayOnlyAccessLayers("revision", "config", "files")
            .whereLayer("forge")
            .mayOnlyAccessLayers("report", "analysis", "manifest", "revision", "config")
            .whereLayer("intake")
            .mayOnlyAccessLayers("revision", "config")
            .whereLayer("runs")
            .mayOnlyAccessLayers(
                    "forge",
                    "git",
                    "validation",
                    "cluster",
                    "render",
                    "report",
                    "analysis",
                    "manifest",
                    "revision",
                    "config",
                    "files")
            // Metrics and health checks watch the service's edges; no stage knows them, only their listener interfaces.
            .whereLayer("metrics")
            .mayOnlyAccessLayers("intake", "runs", "forge", "git", "validation")
            .whereLayer("health")
            .mayOnlyAccessLayers("runs", "forge", "git", "config")
            .whereLayer("api")
            .mayOnlyAccessLayers("runs", "git", "validation", "report", "analysis", "manifest", "revision", "config")
            // The top command registers the benchmark commands, which users run like the others.
            .whereLayer("cli")
            .mayOnlyAccessLayers(
                    "bench",
                    "api",
                    "validation",
                    "cluster",
                    "render",
                    "report",
                    "analysis",
                    "manifest",
                    "revision",
                    "config",
                    "files")
            .whereLayer("main")
            .mayOnlyAccessLayers("cli", "bench");

    private static final ArchRule reportsOnlyFormatFindings = noClasses()
            .that()
            .resideInAPackage("dev.meshgate.report..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.meshgate.manifest.ManifestLoader")
            .because("the report stage formats findings; reading manifests is the engine's job");

    private static final ArchRule theCommandLineEntersTheEngineThroughValidation = noClasses()
            .that()
            .resideInAPackage("dev.meshgate.cli..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.meshgate.manifest.ManifestLoader")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.meshgate.render.Rendering")
            .because("validation.RepositoryValidation is the one way into the engine");

    @Test
    void stagesImportInThePipelinesDirection() {
        stagesImportInThePipelinesDirection.check(CLASSES);
    }

    @Test
    void reportsOnlyFormatFindings() {
        reportsOnlyFormatFindings.check(CLASSES);
    }

    @Test
    void theCommandLineEntersTheEngineThroughValidation() {
        theCommandLineEntersTheEngineThroughValidation.check(CLASSES);
    }
}
