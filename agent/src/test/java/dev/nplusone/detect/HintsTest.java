package dev.nplusone.detect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Hints for what has no association to fetch: statements a loop issues itself. Associations: see TriggersTest. */
class HintsTest {

    @Test
    void aSelectByOneValueBecomesOneSelectWithIn() {
        assertEquals("select the rows for all parents at once with \"o.customer_id in (...)\" (or a join) instead of one select per parent",
                Hints.nPlusOne("select o.id from orders o where o.customer_id = ? order by o.id", null, null, null));
    }

    @Test
    void aSelectBySeveralValuesGetsNoRewrite() {
        assertEquals("select the rows for all parents at once, with IN (...) or a join, instead of one select per parent",
                Hints.nPlusOne("select id from price where product_id = ? and region = ?", null, null, null));
    }

    @Test
    void writesInALoopBecomeOneBatch() {
        String insert = Hints.batchable("insert into audit (parent_id, note) values (?, ?)");
        assertTrue(insert.startsWith("send them as one JDBC batch (addBatch, executeBatch) instead of one insert each;"), insert);
        assertTrue(insert.contains("hibernate.jdbc.batch_size") && insert.contains("IDENTITY"), insert);
        String update = Hints.batchable("update item set seen = ? where id = ?");
        assertTrue(update.startsWith("send them as one JDBC batch (addBatch, executeBatch) instead of one update each;"), update);
        assertFalse(update.contains("IDENTITY"), "ids matter to inserts only: " + update);
    }

    @Test
    void aProxyOfAnEntityThatNoAssociationHoldsSuggestsBatchesOfIt() {
        Association loose = new Association(null, null, Association.Kind.TO_ONE, "com.acme.Address", Set.of("com.acme.Address"), List.of());
        assertEquals("these Address proxies were initialized one at a time: fetch them with the query that loads what holds them"
                + " (a join fetch or an entity graph), or load them in batches with @BatchSize on Address",
                Hints.nPlusOne("select * from address where id = ?", loose, null, null));
        assertEquals("com.acme.Address", loose.name());
    }

    @Test
    void pluralsOfEntityNames() {
        Association category = new Association("com.acme.Category", "children", Association.Kind.ONE_TO_MANY, "com.acme.Category",
                Set.of("com.acme.Category"), List.of());
        assertEquals("fetch Category.children with the query that loads the Categories: left join fetch c.children,"
                + " or @EntityGraph(attributePaths = \"children\"); or load it for many Categories at once with @BatchSize on Category.children",
                Hints.nPlusOne("select * from category where parent_id = ?", category, null, null));
    }
}
