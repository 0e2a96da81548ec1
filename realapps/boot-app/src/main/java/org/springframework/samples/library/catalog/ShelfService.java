package org.springframework.samples.library.catalog;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class ShelfService {

    private final ShelfRepository shelves;
    private final BookRepository books;

    ShelfService(ShelfRepository shelves, BookRepository books) {
        this.shelves = shelves;
        this.books = books;
    }

    /**
     * Every shelf with its titles. Written the obvious way: the shelves, then the books of each
     * shelf through the repository, one query per shelf (an N+1: one query for all the books,
     * grouped here, would do).
     */
    public List<ShelfSummary> summaries() {
        List<ShelfSummary> summaries = new ArrayList<>();
        for (Shelf shelf : shelves.findAllByOrderByCode()) {
            List<Book> onShelf = books.findByShelfIdOrderByTitle(shelf.getId()); // N+1: the books of each shelf
            List<String> titles = new ArrayList<>();
            for (Book book : onShelf) {
                titles.add(book.getTitle());
            }
            summaries.add(new ShelfSummary(shelf.getCode(), shelf.getLabel(), titles));
        }
        return summaries;
    }
}
