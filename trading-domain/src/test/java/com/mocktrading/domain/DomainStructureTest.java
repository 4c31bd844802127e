package com.mocktrading.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.mocktrading.structure.ProductionCodeRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain stays plain Java: rules and values only, no store, SDK or framework, and no switch for tests. */
class DomainStructureTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.mocktrading.domain");

    @Test
    void dependsOnTheJdkAndTheEventContractOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.mocktrading.domain..", "com.mocktrading.events..")
                .check(DOMAIN);
    }

    @Test
    void holdsNoMutableStaticState() {
        ProductionCodeRules.noMutableStaticState().check(DOMAIN);
    }
}
