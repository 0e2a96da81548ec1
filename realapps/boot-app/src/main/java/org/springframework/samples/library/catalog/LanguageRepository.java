package org.springframework.samples.library.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LanguageRepository extends JpaRepository<Language, String> {

    List<Language> findAllByOrderByCode();
}
