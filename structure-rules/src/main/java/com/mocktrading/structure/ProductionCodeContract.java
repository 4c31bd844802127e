package com.mocktrading.structure;

import org.junit.jupiter.api.Test;

/**
 * The structure test every application module has (each service, job and command): implemented by the module's
 * structure test, which names one of the module's production classes.
 */
public interface ProductionCodeContract {

    /** Any production class of the module, which locates the module's compiled classes. */
    Class<?> aProductionClass();

    @Test
    default void holdsNoMutableStaticState() {
        ProductionCodeRules.assertNoMutableStaticState(aProductionClass());
    }

    @Test
    default void hasNoMemberOnlyItsTestsCall() {
        ProductionCodeRules.assertNoTestOnlyMembers(aProductionClass());
    }
}
