package jp.kosodatehub.reference.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.TitleBar;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.reference.ReferenceItem;
import jp.kosodatehub.security.Roles;

/**
 * The office's lists of districts (地区) and event kinds (種別). Items are retired by making them inactive rather
 * than deleted, because events and organisations keep pointing at them.
 */
@Route(value = "admin/reference")
@RolesAllowed(Roles.COORDINATOR)
class ReferenceDataView extends VerticalLayout implements HasDynamicTitle {

    ReferenceDataView(ReferenceDataService reference) {
        addClassName("page");
        add(new H1(getTranslation("admin.reference.title")));
        add(new ItemSection<>("districts", "admin.reference.districts", "admin.reference.add-district",
                "admin.reference.new-district-title", "admin.reference.edit-district-title",
                reference::allDistricts, reference::findDistrict, reference::saveDistrict,
                () -> new District(null, null, null, 0)));
        add(new ItemSection<>("kinds", "admin.reference.kinds", "admin.reference.add-kind",
                "admin.reference.new-kind-title", "admin.reference.edit-kind-title",
                reference::allKinds, reference::findKind, reference::saveKind,
                () -> new EventKind(null, null, null, 0)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.reference.title");
    }

    /** One list with its editor; districts and kinds are edited the same way, only the service calls differ. */
    private static final class ItemSection<T extends ReferenceItem> extends Section {

        private final Grid<T> grid = new Grid<>();
        private final transient Supplier<List<T>> all;
        private final transient Function<Long, Optional<T>> find;
        private final transient Function<T, T> save;
        private final transient Supplier<T> blank;
        private final String newTitleKey;
        private final String editTitleKey;

        ItemSection(String id, String titleKey, String addKey, String newTitleKey, String editTitleKey,
                    Supplier<List<T>> all, Function<Long, Optional<T>> find, Function<T, T> save,
                    Supplier<T> blank) {
            this.all = all;
            this.find = find;
            this.save = save;
            this.blank = blank;
            this.newTitleKey = newTitleKey;
            this.editTitleKey = editTitleKey;
            setId(id);
            addClassName("reference-section");
            setWidthFull();

            Button add = new Button(getTranslation(addKey), click -> openEditor(newItem()));
            TitleBar header = new TitleBar(new H2(getTranslation(titleKey)), add);

            grid.addColumn(ReferenceItem::getCode).setKey("code").setHeader(getTranslation("admin.reference.code"))
                    .setFlexGrow(1);
            grid.addColumn(ReferenceItem::getNameJa).setKey("nameJa")
                    .setHeader(getTranslation("admin.reference.name-ja")).setFlexGrow(2);
            grid.addColumn(ReferenceItem::getNameEn).setKey("nameEn")
                    .setHeader(getTranslation("admin.reference.name-en")).setFlexGrow(2);
            grid.addColumn(ReferenceItem::getSortOrder).setKey("sortOrder")
                    .setHeader(getTranslation("admin.reference.sort-order")).setAutoWidth(true).setFlexGrow(0);
            grid.addComponentColumn(item -> item.isActive()
                            ? new Badge(getTranslation("admin.reference.badge.active"), Badge.Tone.SUCCESS)
                            : new Badge(getTranslation("admin.reference.badge.inactive"), Badge.Tone.NEUTRAL))
                    .setKey("active").setHeader(getTranslation("admin.reference.status")).setAutoWidth(true)
                    .setFlexGrow(0);
            // Short lists: show every row so the page scrolls as a whole, which is easier on a phone.
            grid.setAllRowsVisible(true);
            grid.addItemClickListener(click -> edit(click.getItem()));
            add(header, grid);
            refresh();
        }

        private void refresh() {
            grid.setItems(all.get());
        }

        /** A new item goes to the end of the list unless the office says otherwise. */
        private T newItem() {
            T item = blank.get();
            List<T> items = grid.getListDataView().getItems().toList();
            item.setSortOrder(items.isEmpty() ? 1 : items.getLast().getSortOrder() + 1);
            return item;
        }

        private void edit(T row) {
            find.apply(row.getId()).ifPresentOrElse(this::openEditor, () -> {
                Feedback.error(getTranslation("error.not-found"));
                refresh();
            });
        }

        private void openEditor(T item) {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation(item.getId() == null ? newTitleKey : editTitleKey));
            dialog.setWidth("32rem");
            dialog.setMaxWidth("100%");

            TextField code = new TextField(getTranslation("admin.reference.code"));
            code.setHelperText(getTranslation("admin.reference.code-helper"));
            code.setMaxLength(ReferenceItem.CODE_MAX);
            TextField nameJa = new TextField(getTranslation("admin.reference.name-ja"));
            nameJa.setMaxLength(ReferenceItem.NAME_MAX);
            TextField nameEn = new TextField(getTranslation("admin.reference.name-en"));
            nameEn.setMaxLength(ReferenceItem.NAME_MAX);
            IntegerField sortOrder = new IntegerField(getTranslation("admin.reference.sort-order"));
            sortOrder.setHelperText(getTranslation("admin.reference.sort-order-helper"));
            sortOrder.setStepButtonsVisible(true);
            Checkbox active = new Checkbox(getTranslation("admin.reference.active"));
            active.setHelperText(getTranslation("admin.reference.active-helper"));

            Binder<T> binder = new Binder<>();
            String required = getTranslation("validation.required");
            binder.forField(code).asRequired(required).bind(ReferenceItem::getCode, ReferenceItem::setCode);
            binder.forField(nameJa).asRequired(required).bind(ReferenceItem::getNameJa, ReferenceItem::setNameJa);
            binder.forField(nameEn).asRequired(required).bind(ReferenceItem::getNameEn, ReferenceItem::setNameEn);
            binder.forField(sortOrder).asRequired(required)
                    .bind(ReferenceItem::getSortOrder, ReferenceItem::setSortOrder);
            binder.forField(active).bind(ReferenceItem::isActive, ReferenceItem::setActive);
            binder.readBean(item);

            FormLayout form = new FormLayout(code, nameJa, nameEn, sortOrder, active);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
            dialog.add(form);

            Map<String, HasValidation> fields = Map.of("code", code, "nameJa", nameJa, "nameEn", nameEn);
            Button saveButton = new Button(getTranslation("action.save"), click -> {
                if (!binder.writeBeanIfValid(item)) {
                    return;
                }
                T saved = Feedback.attempt(this, () -> save.apply(item), fields, () -> {
                    dialog.close();
                    refresh();
                    edit(item);
                });
                if (saved != null) {
                    dialog.close();
                    refresh();
                    Feedback.success(getTranslation("admin.reference.saved", saved.displayName(getLocale())));
                }
            });
            saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
            dialog.getFooter().add(cancel, saveButton);
            dialog.open();
            code.focus();
        }
    }
}
