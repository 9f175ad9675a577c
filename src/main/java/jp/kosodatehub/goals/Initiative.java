package jp.kosodatehub.goals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An initiative (取組) under a pillar, numbered ①, ②… within the pillar. */
@Entity
@Table(name = "goal_initiative")
public class Initiative extends NumberedItem {

    @Column(name = "pillar_id", nullable = false, updatable = false)
    private Long pillarId;

    protected Initiative() {
    }

    Initiative(Long pillarId, int number, String title) {
        this.pillarId = pillarId;
        update(number, title);
    }

    public Long getPillarId() {
        return pillarId;
    }
}
