package dev.nplusone.it.apps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parent row as a serializer sees it: its children are loaded lazily, by a query in the getter,
 * the way an ORM's lazy collection would be. Serializing a list of these is an N+1.
 */
public final class ParentView {

    private final Connection connection; // no getter: not serialized
    private final int id;
    private final String name;

    public ParentView(Connection connection, int id, String name) {
        this.connection = connection;
        this.id = id;
        this.name = name;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<String> getChildren() throws SQLException {
        List<String> children = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM child WHERE parent_id = ? ORDER BY id")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) { // N+1: lazy children getter
                while (rs.next()) {
                    children.add(rs.getString(1));
                }
            }
        }
        return children;
    }
}
