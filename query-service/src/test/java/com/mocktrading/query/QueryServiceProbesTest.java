package com.mocktrading.query;

import com.mocktrading.platform.ServiceProbesContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryServiceProbesTest extends ServiceProbesContract {}
