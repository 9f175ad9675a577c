package jp.kosodatehub.goals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kosodatehub.events.InitiativeChoice;
import jp.kosodatehub.events.InitiativeCatalogue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The goals' side of {@link InitiativeCatalogue}. Reads the repositories itself rather than through
 * {@link GoalService}, which depends on the event service, which depends on this catalogue.
 */
@Service
class EventInitiatives implements InitiativeCatalogue {

    private final PlanRepository plans;
    private final PillarRepository pillars;
    private final InitiativeRepository initiatives;

    EventInitiatives(PlanRepository plans, PillarRepository pillars, InitiativeRepository initiatives) {
        this.plans = plans;
        this.pillars = pillars;
        this.initiatives = initiatives;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(Long initiativeId) {
        return initiativeId != null && initiatives.existsById(initiativeId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<InitiativeChoice> choices() {
        List<InitiativeChoice> choices = new ArrayList<>();
        for (Plan plan : plans.findAllByOrderByFirstFiscalYearDescIdDesc()) {
            Map<Long, Pillar> planPillars = pillars.findByPlanIdOrderByNumberAscIdAsc(plan.getId()).stream()
                    .collect(Collectors.toMap(Pillar::getId, Function.identity()));
            if (planPillars.isEmpty()) {
                continue;
            }
            initiatives.findByPillarIdInOrderByNumberAscIdAsc(planPillars.keySet()).stream()
                    .sorted(Comparator.comparing((Initiative initiative) ->
                            planPillars.get(initiative.getPillarId()).getNumber())
                            .thenComparing(Initiative::getNumber).thenComparing(Initiative::getId))
                    .forEach(initiative -> choices.add(new InitiativeChoice(initiative.getId(),
                            label(planPillars.get(initiative.getPillarId()), initiative))));
        }
        return choices;
    }

    static String label(Pillar pillar, Initiative initiative) {
        return pillar.getNumber() + "-" + circled(initiative.getNumber()) + " " + initiative.getTitle();
    }

    /** ①–⑳ as plans print them; larger numbers, which plans do not have, stay plain. */
    static String circled(int number) {
        return number >= 1 && number <= 20 ? String.valueOf((char) ('\u2460' + number - 1)) : "(" + number + ")";
    }
}
