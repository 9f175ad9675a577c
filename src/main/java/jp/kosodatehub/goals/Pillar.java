package jp.kosodatehub.goals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/** A pillar of a plan (取組の柱), numbered 1, 2, 3… within the plan. */
@Entity
@Table(name = "goal_pillar")
public class Pillar {

    public static final int TITLE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    private Long planId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Version
    private long version;

    protected Pillar() {
    }

    Pillar(Long planId, int number, String title) {
        this.planId = planId;
        update(number, title);
    }

    final void update(int newNumber, String newTitle) {
        this.number = newNumber;
        this.title = newTitle;
    }

    public Long getId() {
        return id;
    }

    public Long getPlanId() {
        return planId;
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
        return this == o || (o instanceof Pillar other && id != null && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return Pillar.class.hashCode();
    }
}
