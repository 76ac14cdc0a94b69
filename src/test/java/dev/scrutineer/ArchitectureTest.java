package dev.scrutineer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The pipeline's layers, enforced: data flows one way and each library stays in its place. */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.scrutineer");

  @Test
  void layersDependOnlyDownstreamOfThePipeline() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("dev.scrutineer..")
        .layer("cli")
        .definedBy("dev.scrutineer.cli..")
        .layer("demo")
        .definedBy("dev.scrutineer.demo..")
        .layer("engine")
        .definedBy("dev.scrutineer.engine..")
        .layer("report")
        .definedBy("dev.scrutineer.report..")
        .layer("policy")
        .definedBy("dev.scrutineer.policy..")
        .layer("audit")
        .definedBy("dev.scrutineer.audit..")
        .layer("tabletop")
        .definedBy("dev.scrutineer.tabletop..")
        .layer("risk")
        .definedBy("dev.scrutineer.risk..")
        .layer("analysis")
        .definedBy("dev.scrutineer.analysis..")
        .layer("config")
        .definedBy("dev.scrutineer.config..")
        .layer("ingest")
        .definedBy("dev.scrutineer.ingest..")
        .layer("model")
        .definedBy("dev.scrutineer.model..")
        .layer("store")
        .definedBy("dev.scrutineer.store..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("demo")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("engine")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("policy")
        .mayOnlyBeAccessedByLayers("engine")
        .whereLayer("risk")
        .mayOnlyBeAccessedByLayers("engine")
        .whereLayer("audit")
        .mayOnlyBeAccessedByLayers("engine")
        .whereLayer("tabletop")
        .mayOnlyBeAccessedByLayers("engine")
        .whereLayer("analysis")
        .mayOnlyBeAccessedByLayers("policy", "risk", "engine")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers("analysis", "policy", "engine")
        .whereLayer("ingest")
        .mayOnlyBeAccessedByLayers("engine", "demo", "cli")
        .whereLayer("store")
        .mayOnlyBeAccessedByLayers("ingest", "analysis")
        .because(
            "data flows one way: ingest -> model -> analysis -> risk -> policy -> report, behind"
                + " the engine")
        .check(MAIN);
  }

  @Test
  void onlyIngestTouchesJGit() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.scrutineer.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.jgit..")
        .because("ingest is where git is read; everything else works on the model")
        .check(MAIN);
  }

  @Test
  void onlyTheCommandLineTouchesPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.scrutineer.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .because("the command line is a thin adapter; other front ends call the same engine")
        .check(MAIN);
  }

  @Test
  void reportsRenderTheModelAndDecideNothing() {
    noClasses()
        .that()
        .resideInAPackage("dev.scrutineer.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.scrutineer.analysis..",
            "dev.scrutineer.audit..",
            "dev.scrutineer.tabletop..",
            "dev.scrutineer.config..",
            "dev.scrutineer.engine..",
            "dev.scrutineer.ingest..",
            "dev.scrutineer.policy..",
            "dev.scrutineer.risk..")
        .because("a renderer only formats the facts and verdicts it is given")
        .check(MAIN);
  }

  @Test
  void theModelIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("dev.scrutineer.model..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "dev.scrutineer.model..")
        .because("model values pass between every stage and must not drag libraries along")
        .check(MAIN);
  }
}
