package com.mocktrading.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mocktrading.structure.fixture.Feature;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ProductionCodeRulesTest {

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackagesOf(Feature.class);
    private static final DescribedPredicate<JavaClass> TEST = DescribedPredicate.describe(
            "the fixture's test", type -> type.getName().contains("TestCase"));

    @Test
    void namesAMemberOnlyTestsCallAndNothingElse() {
        assertThatThrownBy(() -> ProductionCodeRules.noTestOnlyMembers(DescribedPredicate.not(TEST), TEST)
                        .check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Feature.hook() is called by tests only")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("used()")
                        .doesNotContain("calledByAFramework()")
                        .doesNotContain("close()")
                        .doesNotContain("Settings"));
    }

    @Test
    void refusesAStaticFieldThatIsNotFinal() {
        JavaClasses flipped = new ClassFileImporter().importClasses(Switch.class);

        assertThatThrownBy(() -> ProductionCodeRules.noMutableStaticState().check(flipped))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Switch.crashBeforeCommit");
    }

    @Test
    void findsTheClassesOfTheModuleAClassIsIn() {
        // This module's test classes stand for a module's production classes here: Switch is among them.
        assertThatThrownBy(() -> ProductionCodeRules.assertNoMutableStaticState(ProductionCodeRulesTest.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Switch.crashBeforeCommit");
    }

    static final class Switch {
        static boolean crashBeforeCommit;
    }
}
