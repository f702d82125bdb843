package dev.bulkhead.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module arrows of docs/ARCHITECTURE.md true: core depends on nothing of ours, image and
 * vulndb only on core, nothing on the CLI, and no package cycles.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bulkhead");
  }

  @Test
  void coreDependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulkhead.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bulkhead.image..",
            "dev.bulkhead.vulndb..",
            "dev.bulkhead.secrets..",
            "dev.bulkhead.runtime..",
            "dev.bulkhead.config..",
            "dev.bulkhead.cli..")
        .check(classes);
  }

  @Test
  void secretsDependsOnlyOnCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulkhead.secrets..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.bulkhead.image..", "dev.bulkhead.vulndb..", "dev.bulkhead.cli..")
        .check(classes);
  }

  @Test
  void imageDependsOnlyOnCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulkhead.image..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.bulkhead.vulndb..", "dev.bulkhead.secrets..", "dev.bulkhead.cli..")
        .check(classes);
  }

  @Test
  void vulndbDependsOnlyOnCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulkhead.vulndb..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.bulkhead.image..", "dev.bulkhead.secrets..", "dev.bulkhead.cli..")
        .check(classes);
  }

  @Test
  void runtimeDependsOnlyOnCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulkhead.runtime..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bulkhead.image..",
            "dev.bulkhead.vulndb..",
            "dev.bulkhead.secrets..",
            "dev.bulkhead.config..",
            "dev.bulkhead.cli..")
        .check(classes);
  }

  @Test
  void configDependsOnlyOnCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulkhead.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.bulkhead.image..",
            "dev.bulkhead.vulndb..",
            "dev.bulkhead.secrets..",
            "dev.bulkhead.runtime..",
            "dev.bulkhead.cli..")
        .check(classes);
  }

  @Test
  void onlyTheCliUsesTheService() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.bulkhead.cli..", "dev.bulkhead.service..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.bulkhead.service..")
        .check(classes);
  }

  @Test
  void serviceNeverUsesTheCli() {
    noClasses()
        .that()
        .resideInAPackage("dev.bulkhead.service..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.bulkhead.cli..", "picocli..")
        .check(classes);
  }

  @Test
  void servicePackagesAreFreeOfCycles() {
    slices().matching("dev.bulkhead.service.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void modulesAreFreeOfCycles() {
    slices().matching("dev.bulkhead.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void corePackagesAreFreeOfCycles() {
    slices().matching("dev.bulkhead.core.(*)..").should().beFreeOfCycles().check(classes);
  }
}
