package com.mocktrading.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mocktrading.structure.ProductionCodeContract;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the order rules plain Java and the adapters at the edges. */
class OrderServiceStructureTest implements ProductionCodeContract {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.mocktrading.order");

    @Test
    void placementRulesDoNotDependOnSpringKafkaOrTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("com.mocktrading.order.placement")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage("..placement.kafka..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "..idempotency..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..placement.idempotency..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "..kafka..")
                .check(CLASSES);
    }

    @Override
    public Class<?> aProductionClass() {
        return OrderServiceApplication.class;
    }
}
