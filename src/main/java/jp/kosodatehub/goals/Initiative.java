package jp.kosodatehub.goals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/** An initiative (取組) under a pillar, numbered ①, ②… within the pillar. */
@Entity
@Table(name = "goal_initiative")
public class Initiative {

    public static final int TITLE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pillar_id", nullable = false, updatable = false)
    private Long pillarId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Version
    private long version;

    protected Initiative() {
    }

    Initiative(Long pillarId, int number, String title) {
        this.pillarId = pillarId;
        update(number, title);
    }

    final void update(int newNumber, String newTitle) {
        this.number = newNumber;
        this.title = newTitle;
    }

    public Long getId() {
        return id;
    }

    public Long getPillarId() {
        return pillarId;
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Initiative other && id != null && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return Initiative.class.hashCode();
    }
}
