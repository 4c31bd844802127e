package com.mocktrading.portfolio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mocktrading.structure.ProductionCodeContract;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the valuation arithmetic plain Java and the web adapter at the edge. */
class PortfolioServiceStructureTest implements ProductionCodeContract {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.mocktrading.portfolio");

    @Test
    void valuationIsPlainJava() {
        classes()
                .that()
                .haveSimpleNameStartingWith("PortfolioValuation")
                .or()
                .haveSimpleNameStartingWith("Valued")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.mocktrading.domain..", "com.mocktrading.portfolio.view")
                .check(CLASSES);
    }

    @Test
    void theFeatureDoesNotReachIntoItsWebAdapter() {
        noClasses()
                .that()
                .resideInAPackage("com.mocktrading.portfolio.view")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.mocktrading.portfolio.view.web")
                .check(CLASSES);
    }

    @Override
    public Class<?> aProductionClass() {
        return PortfolioServiceApplication.class;
    }
}
