package org.springframework.samples.library.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.samples.library.catalog.LanguageRepository;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final LanguageRepository languages;

    WebConfiguration(LanguageRepository languages) {
        this.languages = languages;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatter(new LanguageFormatter(languages));
    }
}
