package be.proactief.magda;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The platform client is framework-free: the core, resilience4j, slf4j and the JDK, nothing else. */
@AnalyzeClasses(packages = "be.proactief.magda", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_client_imports_only_the_core_resilience4j_slf4j_and_the_jdk = classes()
            .that().resideInAPackage("be.proactief.magda..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "be.proactief.magda..", "be.proactief.core..", "io.github.resilience4j..", "org.slf4j..",
                    "java..", "javax..", "org.w3c.dom..", "org.xml.sax..", "jdk..", "sun.security..")
            .because("functions/magda is the platform client alone: wiring it is functions/aws's job");
}
