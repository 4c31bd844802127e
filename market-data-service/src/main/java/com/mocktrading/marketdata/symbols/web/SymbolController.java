package com.mocktrading.marketdata.symbols.web;

import com.mocktrading.marketdata.symbols.SymbolDirectory;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /symbols}: the tradable universe. */
@RestController
class SymbolController {

    record SymbolView(String symbol, String name) {}

    private final List<SymbolView> all;

    SymbolController(SymbolDirectory symbols) {
        this.all = symbols.all().stream()
                .map(entry -> new SymbolView(entry.getKey(), entry.getValue()))
                .toList();
    }

    @GetMapping("/symbols")
    List<SymbolView> symbols() {
        return all;
    }
}
