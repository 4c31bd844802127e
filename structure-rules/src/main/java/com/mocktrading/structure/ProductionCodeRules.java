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
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
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
        ModuleClasses module = ModuleClasses.of(ofModule);
        noTestOnlyMembers(module.production(), module.tests()).check(module.classes());
    }

    /** {@link #noMutableStaticState()} over the production classes of the module {@code ofModule} is in. */
    public static void assertNoMutableStaticState(Class<?> ofModule) {
        ModuleClasses module = ModuleClasses.of(ofModule);
        noMutableStaticState().check(module.classes().that(module.production()));
    }

    /** The rule, for classes told apart as given. */
    static ArchRule noTestOnlyMembers(DescribedPredicate<JavaClass> production, DescribedPredicate<JavaClass> test) {
        return codeUnits()
                .that(DescribedPredicate.describe(
                        "declared in classes " + production.getDescription(), unit -> production.test(unit.getOwner())))
                .and(DescribedPredicate.not(boundByFrameworks()))
                .should(beCalledByProductionCodeIfCalledAtAll(test));
    }

    private static DescribedPredicate<JavaCodeUnit> boundByFrameworks() {
        return DescribedPredicate.describe(
                "record constructors and accessors, and methods of a supertype",
                unit -> isRecordComponent(unit) || implementsASupertype(unit));
    }

    private static boolean isRecordComponent(JavaCodeUnit unit) {
        JavaClass owner = unit.getOwner();
        return owner.isRecord()
                && (unit.isConstructor()
                        || (unit.getParameters().isEmpty()
                                && owner.tryGetField(unit.getName()).isPresent()));
    }

    /** Called through the supertype (AutoCloseable.close, a Flink serializer's methods), which no import shows. */
    private static boolean implementsASupertype(JavaCodeUnit unit) {
        if (!unit.isMethod()) {
            return false;
        }
        Class<?>[] parameters =
                unit.getRawParameterTypes().stream().map(JavaClass::reflect).toArray(Class<?>[]::new);
        Deque<Class<?>> supertypes = new ArrayDeque<>(List.of(unit.getOwner().reflect()));
        while (!supertypes.isEmpty()) {
            Class<?> type = supertypes.pop();
            if (type != unit.getOwner().reflect() && declares(type, unit.getName(), parameters)) {
                return true;
            }
            if (type.getSuperclass() != null) {
                supertypes.push(type.getSuperclass());
            }
            supertypes.addAll(List.of(type.getInterfaces()));
        }
        return false;
    }

    private static boolean declares(Class<?> type, String name, Class<?>[] parameters) {
        try {
            type.getDeclaredMethod(name, parameters);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
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

    /**
     * A module's classes and its tests' (the class directories on its test class path; the jars of the modules it
     * uses are left out, as what they call does not make a member of this module production code), told apart by
     * where Maven compiled them.
     */
    private record ModuleClasses(Path location, JavaClasses classes) {

        static ModuleClasses of(Class<?> productionClass) {
            try {
                return new ModuleClasses(
                        Path.of(productionClass
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI()),
                        new ClassFileImporter()
                                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                                .importPackages("com.mocktrading"));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("no class location for " + productionClass, e);
            }
        }

        DescribedPredicate<JavaClass> production() {
            // Compared as paths: the class loader says file:/x, ArchUnit file:///x.
            return DescribedPredicate.describe(
                    "in the production classes under " + location,
                    type -> pathOf(type).map(path -> path.startsWith(location)).orElse(false));
        }

        DescribedPredicate<JavaClass> tests() {
            return DescribedPredicate.describe("a test class", type -> pathOf(type)
                    .map(path -> path.toString().contains("/test-classes/"))
                    .orElse(false));
        }

        private static Optional<Path> pathOf(JavaClass type) {
            return type.getSource()
                    .map(source -> source.getUri())
                    .filter(uri -> "file".equals(uri.getScheme()))
                    .map(Path::of);
        }
    }
}
