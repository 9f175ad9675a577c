package jp.kosodatehub.events;

/** One initiative to tag an event with, labelled as the plan numbers it: "1-② 平日日中以外の居場所・イベントの試行". */
public record InitiativeChoice(Long id, String label) {
}
