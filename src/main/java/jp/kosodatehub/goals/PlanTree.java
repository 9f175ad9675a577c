package jp.kosodatehub.goals;

import java.util.List;
import java.util.stream.Stream;

/** A whole plan in reading order: pillars, their initiatives, and each initiative's target images and indicators. */
public record PlanTree(Plan plan, List<PillarNode> pillars) {

    public record PillarNode(Pillar pillar, List<InitiativeNode> initiatives) {
    }

    public record InitiativeNode(Initiative initiative, List<TargetImage> targetImages, List<Indicator> indicators) {
    }

    public Stream<InitiativeNode> initiatives() {
        return pillars.stream().flatMap(pillar -> pillar.initiatives().stream());
    }

    public Stream<Indicator> indicators() {
        return initiatives().flatMap(initiative -> initiative.indicators().stream());
    }
}
