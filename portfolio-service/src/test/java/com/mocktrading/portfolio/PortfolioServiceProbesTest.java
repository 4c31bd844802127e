package com.mocktrading.portfolio;

import com.mocktrading.platform.ServiceProbesContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioServiceProbesTest extends ServiceProbesContract {}
