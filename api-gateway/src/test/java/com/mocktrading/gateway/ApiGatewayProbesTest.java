package com.mocktrading.gateway;

import com.mocktrading.platform.ServiceProbesContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiGatewayProbesTest extends ServiceProbesContract {}
