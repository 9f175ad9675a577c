package jp.kosodatehub.organisations.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.TitleBar;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationKind;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.Roles;

/** The office's list of member organisations, where it registers them and decides which ones are trusted. */
@Route(value = "admin/organisations")
@RolesAllowed(Roles.COORDINATOR)
class OrganisationsAdminView extends VerticalLayout implements HasDynamicTitle {

    private final transient OrganisationService organisations;
    private final transient ReferenceDataService reference;
    private final Grid<Organisation> grid = new Grid<>();

    OrganisationsAdminView(OrganisationService organisations, ReferenceDataService reference) {
        this.organisations = organisations;
        this.reference = reference;
        addClassName("page");
        setSizeFull();

        Button create = new Button(getTranslation("admin.org.new"), click -> openEditor(new Organisation()));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TitleBar header = new TitleBar(new H1(getTranslation("admin.org.title")), create);

        configureGrid();
        add(header, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Organisation::getName).setKey("name").setHeader(getTranslation("admin.org.name"))
                .setFlexGrow(3);
        grid.addColumn(org -> org.getKind() == null ? "" : getTranslation(org.getKind().translationKey()))
                .setKey("kind").setHeader(getTranslation("admin.org.kind")).setFlexGrow(2);
        grid.addColumn(org -> org.getDistrict() == null ? "" : org.getDistrict().displayName(getLocale()))
                .setKey("district").setHeader(getTranslation("admin.org.district")).setFlexGrow(1);
        // Trusted organisations publish without the office looking first, so that must stand out in the list.
        grid.addComponentColumn(org -> org.isTrusted()
                        ? new Badge(getTranslation("admin.org.badge.trusted"), Badge.Tone.INFO)
                        : new Badge(getTranslation("admin.org.badge.moderated"), Badge.Tone.NEUTRAL))
                .setKey("trusted").setHeader(getTranslation("admin.org.column.trusted")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(org -> org.isActive()
                        ? new Badge(getTranslation("admin.org.badge.active"), Badge.Tone.SUCCESS)
                        : new Badge(getTranslation("admin.org.badge.inactive"), Badge.Tone.NEUTRAL))
                .setKey("active").setHeader(getTranslation("admin.org.column.active")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(click -> edit(click.getItem()));
    }

    private void refresh() {
        grid.setItems(organisations.findAll());
    }

    private void edit(Organisation row) {
        // Edit a fresh copy: the row may be older than the database, and a refused save must not alter the row.
        organisations.find(row.getId()).ifPresentOrElse(this::openEditor, () -> {
            Feedback.error(getTranslation("error.not-found"));
            refresh();
        });
    }

    private void openEditor(Organisation organisation) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(organisation.getId() == null ? "admin.org.new-title"
                : "admin.org.edit-title"));
        dialog.setWidth("40rem");
        dialog.setMaxWidth("100%");

        TextField name = new TextField(getTranslation("admin.org.name"));
        name.setMaxLength(Organisation.NAME_MAX);
        Select<OrganisationKind> kind = new Select<>();
        kind.setLabel(getTranslation("admin.org.kind"));
        kind.setItems(OrganisationKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.translationKey()));
        ComboBox<District> district = new ComboBox<>(getTranslation("admin.org.district"));
        district.setItems(districtChoices(organisation.getDistrict()));
        district.setItemLabelGenerator(d -> d.displayName(getLocale()));
        district.setClearButtonVisible(true);
        TextArea description = new TextArea(getTranslation("admin.org.description"));
        description.setMaxLength(Organisation.DESCRIPTION_MAX);
        TextField website = new TextField(getTranslation("admin.org.website"));
        website.setMaxLength(Organisation.WEBSITE_MAX);
        website.setHelperText(getTranslation("admin.org.website-helper"));
        Checkbox trusted = new Checkbox(getTranslation("admin.org.trusted"));
        trusted.setHelperText(getTranslation("admin.org.trusted-helper"));
        Checkbox active = new Checkbox(getTranslation("admin.org.active"));
        active.setHelperText(getTranslation("admin.org.active-helper"));

        Binder<Organisation> binder = new Binder<>();
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .bind(Organisation::getName, Organisation::setName);
        binder.forField(kind).asRequired(getTranslation("validation.required"))
                .bind(Organisation::getKind, Organisation::setKind);
        binder.forField(district).bind(Organisation::getDistrict, Organisation::setDistrict);
        binder.forField(description).bind(Organisation::getDescription, Organisation::setDescription);
        binder.forField(website).bind(Organisation::getWebsite, Organisation::setWebsite);
        binder.forField(trusted).bind(Organisation::isTrusted, Organisation::setTrusted);
        binder.forField(active).bind(Organisation::isActive, Organisation::setActive);
        binder.readBean(organisation);

        FormLayout form = new FormLayout(name, kind, district, description, website, trusted, active);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);

        Map<String, HasValidation> fields = Map.of("name", name, "kind", kind, "description", description,
                "website", website);
        Button save = new Button(getTranslation("action.save"), click -> {
            if (!binder.writeBeanIfValid(organisation)) {
                return;
            }
            Organisation saved = Feedback.attempt(this, () -> organisations.save(organisation), fields, () -> {
                dialog.close();
                refresh();
                edit(organisation);
            });
            if (saved != null) {
                dialog.close();
                refresh();
                Feedback.success(getTranslation("admin.org.saved", saved.getName()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }

    /** The active districts, plus the organisation's own one if it has since been retired, so it is not lost. */
    private List<District> districtChoices(District current) {
        List<District> choices = new ArrayList<>(reference.activeDistricts());
        if (current != null && !choices.contains(current)) {
            choices.add(current);
        }
        return choices;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.org.title");
    }
}
