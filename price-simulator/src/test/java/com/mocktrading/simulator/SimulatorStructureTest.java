package com.mocktrading.simulator;

import com.mocktrading.structure.ProductionCodeContract;

/** The simulator's code holds no switch for tests and no member only its tests call. */
class SimulatorStructureTest implements ProductionCodeContract {

    @Override
    public Class<?> aProductionClass() {
        return SimulatorCommand.class;
    }
}
