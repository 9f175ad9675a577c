package jp.kosodatehub.goals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A pillar of a plan (取組の柱), numbered 1, 2, 3… within the plan. */
@Entity
@Table(name = "goal_pillar")
public class Pillar extends NumberedItem {

    @Column(name = "plan_id", nullable = false, updatable = false)
    private Long planId;

    protected Pillar() {
    }

    Pillar(Long planId, int number, String title) {
        this.planId = planId;
        update(number, title);
    }

    public Long getPlanId() {
        return planId;
    }
}
