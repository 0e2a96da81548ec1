package org.springframework.samples.library.web;

import org.springframework.samples.library.catalog.BookRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class BookController {

    private final BookRepository books;

    BookController(BookRepository books) {
        this.books = books;
    }

    /** Every book with its edition's language, which the template formats through {@link LanguageFormatter}. */
    @GetMapping("/books")
    String list(Model model) {
        model.addAttribute("books", books.findAllByOrderByTitle());
        return "books";
    }
}
