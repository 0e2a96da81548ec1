package org.springframework.samples.library.catalog;

import java.util.List;

/** A category with its sub-categories, as the JSON API shows the subject tree. */
public record CategoryNode(String name, List<CategoryNode> children) {
}
