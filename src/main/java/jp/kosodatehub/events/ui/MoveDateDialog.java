package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.events.EventLimits;
import jp.kosodatehub.events.EventOccurrence;

/** Moves one date of a series to another time, with a reason parents will see. */
class MoveDateDialog extends Dialog {

    interface Mover {
        /** Returns whether the move succeeded; a refusal has been shown at the fields already. */
        boolean move(LocalDateTime start, LocalDateTime end, String reason, Map<String, ? extends
                com.vaadin.flow.component.HasValidation> fields);
    }

    final DateTimePicker start = ComponentTexts.texts(new DateTimePicker());
    final DateTimePicker end = ComponentTexts.texts(new DateTimePicker());
    final TextArea reason = new TextArea();

    MoveDateDialog(EventOccurrence date, Mover mover) {
        setHeaderTitle(getTranslation("series.move.title"));
        add(new Paragraph(getTranslation("series.move.explanation",
                Formats.range(date.getStartsAt(), date.getEndsAt(), getLocale()))));
        Duration length = Duration.between(date.getStartsAt(), date.getEndsAt());
        start.setLabel(getTranslation("event.field.starts-at"));
        end.setLabel(getTranslation("event.field.ends-at"));
        start.setStep(Duration.ofMinutes(15));
        end.setStep(Duration.ofMinutes(15));
        start.setValue(date.getStartsAt());
        end.setValue(date.getEndsAt());
        start.addValueChangeListener(change -> {
            if (change.getValue() != null && change.isFromClient()) {
                end.setValue(change.getValue().plus(length));
            }
        });
        reason.setLabel(getTranslation("reason.label"));
        reason.setMaxLength(EventLimits.REASON_MAX);
        reason.setWidthFull();
        add(start, end, reason);
        Button confirm = new Button(getTranslation("series.action.move-date"), click -> {
            String problem = TextRules.check(reason.getValue(), true, EventLimits.REASON_MAX, true);
            if (problem != null) {
                reason.setErrorMessage(getTranslation(problem));
                reason.setInvalid(true);
                return;
            }
            if (mover.move(start.getValue(), end.getValue(), reason.getValue(),
                    Map.of("newStart", start, "newEnd", end, "reason", reason))) {
                close();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), confirm);
        setWidth("min(32rem, 100vw)");
    }
}
