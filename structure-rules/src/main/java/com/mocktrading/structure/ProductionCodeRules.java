package com.mocktrading.structure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * What every module's production code keeps, checked by the module's structure test: nothing a test could flip
 * (mutable static state: a crash point, a clock, a switch), and no member only tests call (a test hook, or code that
 * only its tests keep alive). Production and test classes are told apart by where Maven compiles them.
 */
public final class ProductionCodeRules {

    private ProductionCodeRules() {}

    /** No static field that is not final, in the classes given. */
    public static ArchRule noMutableStaticState() {
        return noFields()
                .that()
                .areStatic()
                .should()
                .notHaveModifier(JavaModifier.FINAL)
                .because("what a test could flip in production code (a crash point, a clock, a switch) would be a"
                        + " static field");
    }

    /**
     * Every member of the module's production code that is called at all is called by production code. Members no
     * code calls are left alone: frameworks call them (Spring, Flink, Jackson), and so do record accessors and
     * constructors, which frameworks bind.
     *
     * @param ofModule any production class of the module to check
     */
    public static void assertNoTestOnlyMembers(Class<?> ofModule) {
        String production = locationOf(ofModule);
        // The project's classes on the test class path: the module's own, its tests, and what they call it from.
        JavaClasses classes = new ClassFileImporter().importPackages("com.mocktrading");
        noTestOnlyMembers(
                        DescribedPredicate.describe(
                                "declared in the production classes under " + production,
                                type -> sourceOf(type).startsWith(production)),
                        DescribedPredicate.describe(
                                "a test class", type -> sourceOf(type).contains("/test-classes/")))
                .check(classes);
    }

    /** The rule, for classes told apart as given. */
    static ArchRule noTestOnlyMembers(DescribedPredicate<JavaClass> production, DescribedPredicate<JavaClass> test) {
        return codeUnits()
                .that(DescribedPredicate.describe(
                        "declared in classes " + production.getDescription(), unit -> production.test(unit.getOwner())))
                .and(DescribedPredicate.not(boundByFrameworks()))
                .should(beCalledByProductionCodeIfCalledAtAll(test))
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaCodeUnit> boundByFrameworks() {
        return DescribedPredicate.describe("record constructors and accessors", unit -> {
            JavaClass owner = unit.getOwner();
            return owner.isRecord()
                    && (unit.isConstructor()
                            || (unit.getParameters().isEmpty()
                                    && owner.tryGetField(unit.getName()).isPresent()));
        });
    }

    private static ArchCondition<JavaCodeUnit> beCalledByProductionCodeIfCalledAtAll(
            DescribedPredicate<JavaClass> test) {
        return new ArchCondition<>("be called by production code if called at all") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Set<? extends JavaAccess<?>> callers = unit.getAccessesToSelf();
                boolean onlyTests =
                        !callers.isEmpty() && callers.stream().allMatch(call -> test.test(call.getOriginOwner()));
                if (onlyTests) {
                    events.add(SimpleConditionEvent.violated(
                            unit, unit.getFullName() + " is called by tests only (a test hook, or dead code)"));
                }
            }
        };
    }

    private static String sourceOf(JavaClass type) {
        return type.getSource().map(source -> source.getUri().toString()).orElse("");
    }

    private static String locationOf(Class<?> type) {
        try {
            return type.getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no class location for " + type, e);
        }
    }
}
