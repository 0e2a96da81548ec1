package org.springframework.samples.library.catalog;

import java.util.List;

/** A shelf and the titles on it, as the JSON API shows them. */
public record ShelfSummary(String code, String label, List<String> titles) {
}
