package com.mocktrading.persistence;

import com.mocktrading.structure.ProductionCodeRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The job's code holds no switch for tests and no member only its tests call. */
class PersistenceJobStructureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.mocktrading.persistence");

    @Test
    void holdsNoMutableStaticState() {
        ProductionCodeRules.noMutableStaticState().check(CLASSES);
    }

    @Test
    void hasNoMemberOnlyItsTestsCall() {
        ProductionCodeRules.assertNoTestOnlyMembers(PersistenceJob.class);
    }
}
