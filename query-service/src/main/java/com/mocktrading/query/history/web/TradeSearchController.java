package com.mocktrading.query.history.web;

import com.mocktrading.platform.security.CurrentUser;
import com.mocktrading.query.history.TradeHistorySearch;
import com.mocktrading.query.history.TradeSearchParameters;
import com.mocktrading.query.history.TradeSearchParser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /trades/search}: the caller's own trade history, newest first, a page at a time. */
@RestController
class TradeSearchController {

    private final TradeHistorySearch search;

    TradeSearchController(TradeHistorySearch search) {
        this.search = search;
    }

    /** Parameters are taken as text so that every malformed one is reported in the contract's 400, not Spring's. */
    @GetMapping("/trades/search")
    TradeSearchResponse search(
            @RequestParam(required = false) String userId,
            @RequestParam(required = false) String symbol,
            @RequestParam(required = false) String side,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String cursor) {
        TradeSearchParameters parameters =
                new TradeSearchParameters(userId, symbol, side, status, from, to, size, cursor);
        return TradeSearchResponse.of(search.search(TradeSearchParser.parse(CurrentUser.id(), parameters)));
    }
}
