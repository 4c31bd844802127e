package com.mocktrading.portfolio.view.web;

import com.mocktrading.platform.security.CurrentUser;
import com.mocktrading.portfolio.view.PortfolioView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /portfolio/{userId}}: the caller's own portfolio, provisioned on the first request. */
@RestController
class PortfolioController {

    private final PortfolioView view;

    PortfolioController(PortfolioView view) {
        this.view = view;
    }

    @GetMapping("/portfolio/{userId}")
    PortfolioResponse portfolio(@PathVariable String userId) {
        // Checked before any store call, so asking about someone else never provisions their portfolio.
        CurrentUser.requireSelf(userId);
        return PortfolioResponse.of(view.of(userId));
    }
}
