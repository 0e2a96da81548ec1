package org.springframework.samples.library;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A lending library: its catalogue as Thymeleaf pages and a JSON API, and sign-ups for its talks.
 * The package is the one Spring's own sample applications use, which is why an N+1 detector cannot
 * tell this code from Spring's by the class names alone.
 */
@SpringBootApplication
public class LibraryApplication {

    public static void main(String[] args) {
        SpringApplication.run(LibraryApplication.class, args);
    }
}
