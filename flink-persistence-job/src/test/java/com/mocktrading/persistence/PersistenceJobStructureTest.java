package com.mocktrading.persistence;

import com.mocktrading.structure.ProductionCodeContract;

/** The job's code holds no switch for tests and no member only its tests call. */
class PersistenceJobStructureTest implements ProductionCodeContract {

    @Override
    public Class<?> aProductionClass() {
        return PersistenceJob.class;
    }
}
