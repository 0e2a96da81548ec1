package org.springframework.samples.library.web;

import java.util.Locale;
import org.springframework.format.Formatter;
import org.springframework.samples.library.catalog.Language;
import org.springframework.samples.library.catalog.LanguageCode;
import org.springframework.samples.library.catalog.LanguageRepository;

/**
 * Shows a language code by its name ("fr" as "French") wherever a page formats one ({@code ${{...}}}
 * in a template) and reads it back from a form. It looks the name up in the language table each
 * time it is asked: the same query, with the same (no) parameters, once per value on a page.
 */
class LanguageFormatter implements Formatter<LanguageCode> {

    private final LanguageRepository languages;

    LanguageFormatter(LanguageRepository languages) {
        this.languages = languages;
    }

    @Override
    public String print(LanguageCode language, Locale locale) {
        for (Language known : languages.findAllByOrderByCode()) { // duplicate: the lookup table, once per value printed
            if (known.getCode().equals(language.code())) {
                return known.getName();
            }
        }
        return language.code();
    }

    @Override
    public LanguageCode parse(String text, Locale locale) {
        return new LanguageCode(text.trim().toLowerCase(Locale.ROOT));
    }
}
