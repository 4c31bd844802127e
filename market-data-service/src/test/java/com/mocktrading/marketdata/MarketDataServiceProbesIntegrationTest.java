package com.mocktrading.marketdata;

import com.mocktrading.marketdata.support.MarketDataTestSupport;
import com.mocktrading.platform.ServiceProbesContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketDataServiceProbesIntegrationTest extends ServiceProbesContract {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        MarketDataTestSupport.useSharedServers(registry);
    }
}
