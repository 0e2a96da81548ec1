package org.springframework.samples.library.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.samples.library.catalog.Author;
import org.springframework.samples.library.catalog.Book;
import org.springframework.stereotype.Component;

/**
 * View helper of the authors page, called by the template as {@code @authorPage}. It runs while
 * the template renders, after the controller has returned (the persistence context stays open for
 * the view: spring.jpa.open-in-view), so each author's lazy books are loaded here, one author at a
 * time.
 */
@Component("authorPage")
public class AuthorPage {

    /** The titles of an author's books, as one line. */
    public String titles(Author author) {
        List<String> titles = new ArrayList<>();
        for (Book book : author.getBooks()) { // N+1: the books of each author, while the page renders
            titles.add(book.getTitle());
        }
        return String.join(" · ", titles);
    }
}
