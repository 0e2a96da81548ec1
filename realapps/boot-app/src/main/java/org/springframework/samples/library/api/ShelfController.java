package org.springframework.samples.library.api;

import java.util.List;
import org.springframework.samples.library.catalog.ShelfService;
import org.springframework.samples.library.catalog.ShelfSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ShelfController {

    private final ShelfService shelves;

    ShelfController(ShelfService shelves) {
        this.shelves = shelves;
    }

    @GetMapping("/api/shelves")
    List<ShelfSummary> shelves() {
        return shelves.summaries();
    }
}
