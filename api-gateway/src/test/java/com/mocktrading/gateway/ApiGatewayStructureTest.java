package com.mocktrading.gateway;

import com.mocktrading.structure.ProductionCodeContract;

/** The gateway's code holds no switch for tests and no member only its tests call. */
class ApiGatewayStructureTest implements ProductionCodeContract {

    @Override
    public Class<?> aProductionClass() {
        return ApiGatewayApplication.class;
    }
}
