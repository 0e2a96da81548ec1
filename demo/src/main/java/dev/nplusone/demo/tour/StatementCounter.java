package dev.nplusone.demo.tour;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Counts SQL statements. Hibernate calls {@link #inspect} once for each JDBC statement it prepares,
 * and every statement of the demo's endpoints goes through Hibernate (only the seeding at startup
 * uses plain JDBC). So the difference between two readings taken around a request is exactly what
 * that request ran, as long as no other request runs meanwhile: the tour and the tests send their
 * requests one at a time.
 */
@Component
public class StatementCounter implements StatementInspector, HibernatePropertiesCustomizer {

    private final AtomicLong statements = new AtomicLong();

    /** The number of statements prepared since startup. */
    public long count() {
        return statements.get();
    }

    @Override
    public String inspect(String sql) {
        statements.incrementAndGet();
        return sql;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put(AvailableSettings.STATEMENT_INSPECTOR, this);
    }
}
