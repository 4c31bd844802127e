package com.mocktrading.marketdata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mocktrading.structure.ProductionCodeContract;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The WebSocket protocol and the fan-out stay free of Kafka; the Kafka adapters know nothing of WebSockets. */
class MarketDataServiceStructureTest implements ProductionCodeContract {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.mocktrading.marketdata");

    @Test
    void clientsAndFanOutDoNotDependOnKafka() {
        noClasses()
                .that()
                .resideInAnyPackage("..websocket..", "..fanout..", "..prices..", "..symbols..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "..marketdata.kafka..")
                .check(CLASSES);
    }

    @Test
    void streamsDoNotDependOnTheWebSocketLayer() {
        noClasses()
                .that()
                .resideInAnyPackage("..feed..", "..orders..", "..kafka..", "..fanout..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..websocket..", "org.springframework.web..")
                .check(CLASSES);
    }

    @Override
    public Class<?> aProductionClass() {
        return MarketDataServiceApplication.class;
    }
}
