package org.springframework.samples.library.catalog;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CategoryService {

    private final CategoryRepository categories;

    CategoryService(CategoryRepository categories) {
        this.categories = categories;
    }

    /** The whole subject tree, from its root. */
    public CategoryNode tree() {
        return load(categories.findByParentIsNull());
    }

    /**
     * Loads a node's children, then each child's, depth first: one query per node of the tree, all
     * from the same line at every depth of the recursion.
     */
    private CategoryNode load(Category category) {
        List<CategoryNode> children = new ArrayList<>();
        for (Category child : categories.findByParentIdOrderByName(category.getId())) { // N+1: the children of each node
            children.add(load(child));
        }
        return new CategoryNode(category.getName(), children);
    }
}
