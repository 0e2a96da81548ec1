package org.springframework.samples.library.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BookRepository extends JpaRepository<Book, Long> {

    List<Book> findAllByOrderByTitle();

    List<Book> findByShelfIdOrderByTitle(Long shelfId);
}
