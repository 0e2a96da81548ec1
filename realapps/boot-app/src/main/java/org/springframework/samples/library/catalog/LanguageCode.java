package org.springframework.samples.library.catalog;

/** An ISO 639-1 language code, "en"; a value of its own so that Spring MVC formats it by its name. */
public record LanguageCode(String code) {
}
