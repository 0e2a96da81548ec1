package org.springframework.samples.library.web;

import org.springframework.samples.library.catalog.AuthorRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AuthorController {

    private final AuthorRepository authors;

    AuthorController(AuthorRepository authors) {
        this.authors = authors;
    }

    /** The authors and their books; the template asks {@link AuthorPage} for each author's titles. */
    @GetMapping("/authors")
    String list(Model model) {
        model.addAttribute("authors", authors.findAllByOrderByName());
        return "authors";
    }

    /**
     * The same list as an index, the template walking each author's books itself: Hibernate loads
     * them while Thymeleaf iterates, after {@code getBooks()} has returned, with no code of this
     * application on the stack.
     */
    @GetMapping("/authors/index")
    String index(Model model) {
        model.addAttribute("authors", authors.findAllByOrderByName());
        return "author-index";
    }
}
