package jp.kosodatehub.events;

import java.util.List;

/**
 * The initiatives (取組) of the shared goals that events can be tagged with. Declared here and implemented by the
 * goals feature, because goals already count events: events asking goals directly would make the two depend on
 * each other.
 */
public interface InitiativeCatalogue {

    boolean exists(Long initiativeId);

    /** Every initiative to choose from, the latest plan first, each in reading order. */
    List<InitiativeChoice> choices();
}
