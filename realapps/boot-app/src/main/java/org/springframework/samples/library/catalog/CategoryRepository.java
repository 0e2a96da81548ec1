package org.springframework.samples.library.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CategoryRepository extends JpaRepository<Category, Long> {

    Category findByParentIsNull();

    List<Category> findByParentIdOrderByName(Long parentId);
}
