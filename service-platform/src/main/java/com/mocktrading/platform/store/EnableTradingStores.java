package com.mocktrading.platform.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Wires the trading domain's stores into the service that declares it: the DynamoDB and Redis clients with their
 * timeouts, the portfolio and order stores, the price cache and the dependency calls around them. A service that
 * does not use them (the query service) does not declare it and gets none of them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(TradingStoreConfiguration.class)
public @interface EnableTradingStores {}
