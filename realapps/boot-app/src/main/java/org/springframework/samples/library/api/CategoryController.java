package org.springframework.samples.library.api;

import org.springframework.samples.library.catalog.CategoryNode;
import org.springframework.samples.library.catalog.CategoryService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CategoryController {

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @GetMapping("/api/categories/tree")
    CategoryNode tree() {
        return categories.tree();
    }
}
