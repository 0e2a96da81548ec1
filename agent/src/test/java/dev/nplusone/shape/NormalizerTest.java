package dev.nplusone.shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class NormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // literals of every kind become ?
        "select * from child where parent_id = 42                | select * from child where parent_id = ?",
        "select * from t where price > 1.5e-3 and x < -.5         | select * from t where price > ? and x < - ?",
        "select * from t where name = 'O''Brien'                  | select * from t where name = ?",
        "select * from t where flag = TRUE or flag = false        | select * from t where flag = ? or flag = ?",
        "select * from t where h = 0xFF and b = X'0A1B'           | select * from t where h = ? and b = ?",
        "select * from t where n = N'unicode'                     | select * from t where n = ?",
        // bind markers of every style
        "select * from t where a = ? and b = :name and c = $1     | select * from t where a = ? and b = ? and c = ?",
        "select * from t where a = ?1                             | select * from t where a = ?",
        // identifiers with digits stay
        "select t1.col2 from table3 t1                            | select t1.col2 from table3 t1",
        // case and whitespace fold, spacing is canonical
        "SELECT  a,b FROM   T  WHERE  x=1                         | select a, b from t where x = ?",
        "select count(*) from t                                   | select count(*) from t",
        // IN lists collapse whatever their length; subqueries do not
        "select * from t where id in (1, 2, 3)                    | select * from t where id in (...)",
        "select * from t where id in (?)                          | select * from t where id in (...)",
        "select * from t where id in (select id from u)           | select * from t where id in (select id from u)",
        // comments go, quoted identifiers keep their case
        "/* load */ select \"Name\" from t -- trailing            | select \"Name\" from t",
        // PostgreSQL casts are not named parameters
        "select a::text from t                                    | select a::text from t",
    })
    void shapes(String sql, String shape) {
        assertEquals(shape, Normalizer.shape(sql));
    }

    @Test
    void statementsThatDifferOnlyInValuesShareAShape() {
        assertEquals(Normalizer.shape("select * from a where id = 1 and n in (1,2)"),
                Normalizer.shape("SELECT *\n  FROM a\n WHERE id = 99 AND n IN (7, 8, 9, 10)"));
    }

    @Test
    void unterminatedInputNeverFails() {
        assertEquals("select ' open", Normalizer.shape("select 'open")); // an open quote stays, with what follows it
        assertEquals("select", Normalizer.shape("select /* open"));
        assertEquals("", Normalizer.shape(""));
    }

    @Test
    void cacheReturnsOneInstancePerShapeAndStaysBounded() {
        Shapes shapes = new Shapes(4);
        String a = shapes.of("select * from t where id = 1");
        assertSame(a, shapes.of("select * from t where id = 2"));
        for (int i = 0; i < 100; i++) {
            shapes.of("select " + i + " from t" + i);
        }
        assertEquals(true, shapes.size() <= 4);
    }
}
