package org.springframework.shadedsample.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The product groups and their products, read with plain JDBC. */
public final class Catalog {

    private final DataSource dataSource;

    public Catalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every group with its products and prices, one line per product. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            for (Group group : groups(connection)) {
                text.append(group.name()).append('\n');
                for (String product : products(connection, group.id())) { // each group's products
                    text.append("  ").append(product).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalogue", e);
        }
        return text.toString();
    }

    private static List<Group> groups(Connection connection) throws SQLException {
        List<Group> groups = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, name from product_group order by name");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                groups.add(new Group(rows.getLong(1), rows.getString(2)));
            }
        }
        return groups;
    }

    /** One group's products: called once per group, the N+1 of this service. */
    private static List<String> products(Connection connection, long groupId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select name, price_cents from product where group_id = ? order by name")) {
            select.setLong(1, groupId);
            List<String> products = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) { // N+1: the products of each group
                while (rows.next()) {
                    products.add(String.format("%-24s %6.2f", rows.getString(1), rows.getInt(2) / 100.0));
                }
            }
            return products;
        }
    }

    private record Group(long id, String name) {
    }
}
