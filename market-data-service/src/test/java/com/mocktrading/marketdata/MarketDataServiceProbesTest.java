package com.mocktrading.marketdata;

import com.mocktrading.platform.ServiceProbesContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketDataServiceProbesTest extends ServiceProbesContract {}
