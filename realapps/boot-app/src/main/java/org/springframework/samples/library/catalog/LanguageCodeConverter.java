package org.springframework.samples.library.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link LanguageCode} as its code. */
@Converter(autoApply = true)
class LanguageCodeConverter implements AttributeConverter<LanguageCode, String> {

    @Override
    public String convertToDatabaseColumn(LanguageCode language) {
        return language == null ? null : language.code();
    }

    @Override
    public LanguageCode convertToEntityAttribute(String code) {
        return code == null ? null : new LanguageCode(code);
    }
}
