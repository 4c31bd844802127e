package com.mocktrading.execution;

import com.mocktrading.structure.ProductionCodeContract;

/** The job's code holds no switch for tests (its crash points were one) and no member only its tests call: tests plug in connectors instead. */
class ExecutionJobStructureTest implements ProductionCodeContract {

    @Override
    public Class<?> aProductionClass() {
        return ExecutionJob.class;
    }
}
