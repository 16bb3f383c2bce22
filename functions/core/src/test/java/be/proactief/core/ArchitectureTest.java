package be.proactief.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core is framework-free: ports and adapters, with the adapters elsewhere. */
@AnalyzeClasses(packages = "be.proactief.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_imports_no_framework_and_no_aws = noClasses()
            .that().resideInAPackage("be.proactief.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.micronaut..", "jakarta.inject..", "software.amazon..", "com.amazonaws..",
                    "io.github.resilience4j..", "com.fasterxml.jackson..", "org.slf4j..")
            .because("functions/core holds the domain; frameworks and AWS belong in adapters (functions/aws)");

    @ArchTest
    static final ArchRule core_does_not_reach_into_adapters = noClasses()
            .that().resideInAPackage("be.proactief.core..")
            .should().dependOnClassesThat().resideInAnyPackage("be.proactief.aws..", "be.proactief.magda..", "be.proactief.testkit..", "be.proactief.function..")
            .because("dependencies point inwards");
}
