package com.mocktrading.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mocktrading.structure.ProductionCodeContract;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the two features apart, their rules plain Java, and the store and web adapters at the edge. */
class QueryServiceStructureTest implements ProductionCodeContract {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.mocktrading.query");

    private static final String[] PLAIN_JAVA = {
        "java..",
        "com.mocktrading.core..",
        "com.mocktrading.domain..",
        "com.mocktrading.events..",
        "com.mocktrading.platform.error..",
        "com.mocktrading.platform.json..",
        "com.mocktrading.platform.dependency..",
        "com.mocktrading.query.parameters.."
    };

    @Test
    void theHistoryRulesArePlainJava() {
        classes()
                .that()
                .resideInAPackage("com.mocktrading.query.history")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(plus(PLAIN_JAVA, "com.mocktrading.query.history", "tools.jackson.."))
                .check(CLASSES);
    }

    @Test
    void theAnalyticsRulesArePlainJava() {
        classes()
                .that()
                .resideInAPackage("com.mocktrading.query.analytics")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(plus(PLAIN_JAVA, "com.mocktrading.query.analytics"))
                .check(CLASSES);
    }

    @Test
    void theFeaturesDoNotReachIntoEachOther() {
        noClasses()
                .that()
                .resideInAPackage("com.mocktrading.query.history..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.mocktrading.query.analytics..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("com.mocktrading.query.analytics..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.mocktrading.query.history..")
                .check(CLASSES);
    }

    @Test
    void onlyTheClickHouseAdapterBuildsSql() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.mocktrading.query.analytics.clickhouse")
                .and()
                .resideOutsideOfPackage("com.mocktrading.query.config")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.clickhouse..")
                .check(CLASSES);
    }

    private static String[] plus(String[] packages, String... more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + more.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }

    @Override
    public Class<?> aProductionClass() {
        return QueryServiceApplication.class;
    }
}
