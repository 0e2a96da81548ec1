package dev.nplusone.it.apps.javaxorm;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.JoinTable;
import javax.persistence.ManyToMany;
import javax.persistence.ManyToOne;
import javax.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** Mapped with {@code javax.persistence}, for Hibernate 5: a lazy to-one and a lazy many-to-many. */
@Entity
@JsonPropertyOrder({"id", "name", "hall", "performers"})
public class Concert {

    @Id
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    private Hall hall;

    @ManyToMany
    @JoinTable(name = "concert_artist", joinColumns = @JoinColumn(name = "concert_id"), inverseJoinColumns = @JoinColumn(name = "artist_id"))
    @OrderBy("id")
    private List<Artist> performers = new ArrayList<>();

    protected Concert() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Hall getHall() {
        return hall;
    }

    public List<Artist> getPerformers() {
        return performers;
    }
}
