package jp.kosodatehub.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.stream.Collectors;
import jp.kosodatehub.audit.ConcurrentChange;
import jp.kosodatehub.base.ui.Formats;

/**
 * Tells someone whose save was refused who changed the record meanwhile, when, and which fields, and lets them
 * reload it or close the dialog and keep what they typed (to copy it over after reloading).
 */
class ConcurrentChangeDialog extends Dialog {

    ConcurrentChangeDialog(List<ConcurrentChange> changes, Runnable reload) {
        addClassName("concurrent-change-dialog");
        setHeaderTitle(getTranslation("conflict.title"));
        add(new Paragraph(getTranslation("conflict.explanation")));
        if (changes.isEmpty()) {
            add(new Paragraph(getTranslation("conflict.unknown")));
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("conflict-changes");
            for (ConcurrentChange change : changes) {
                String fields = change.fields().stream().map(field -> AuditTexts.field(this, field))
                        .collect(Collectors.joining(getTranslation("conflict.separator")));
                list.add(new ListItem(getTranslation("conflict.change", Formats.timestamp(change.at()),
                        change.username(), fields.isEmpty() ? getTranslation(change.action().translationKey())
                                : fields)));
            }
            add(list);
        }
        Button close = new Button(getTranslation("conflict.keep"), click -> close());
        getFooter().add(close);
        if (reload != null) {
            Button reloadButton = new Button(getTranslation("conflict.reload"), click -> {
                close();
                reload.run();
            });
            reloadButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(reloadButton);
        }
    }
}
