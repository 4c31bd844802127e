package com.mocktrading.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mocktrading.structure.ProductionCodeRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The stores are thin adapters under the domain: no framework, no test-only support, no switch for tests. */
class StoresStructureTest {

    private static final JavaClasses STORES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.mocktrading.core");

    @Test
    void useNoFrameworkAndNoTestSupport() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.apache.flink..", "com.mocktrading.localstack..", "org.junit..")
                .check(STORES);
    }

    @Test
    void holdNoMutableStaticState() {
        ProductionCodeRules.noMutableStaticState().check(STORES);
    }
}
