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
}
