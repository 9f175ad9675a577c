package jp.kosodatehub.audit.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.kosodatehub.audit.AuditEntry;
import jp.kosodatehub.audit.AuditFilter;
import jp.kosodatehub.audit.AuditService;
import jp.kosodatehub.audit.FieldChange;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.security.Roles;

/**
 * The office's view of the audit trail: every change to the network's records, newest first, filtered by kind of
 * record, record number, person and dates; one entry's fields before and after. Nothing here can be changed.
 */
@Route("admin/audit")
@RolesAllowed(Roles.COORDINATOR)
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private static final String ALL = "";

    private final Select<String> what = new Select<>();
    private final TextField id = new TextField();
    private final TextField who = new TextField();
    private final DatePicker from = ComponentTexts.texts(new DatePicker());
    private final DatePicker to = ComponentTexts.texts(new DatePicker());
    private final TextField text = new TextField();
    private final Div detail = new Div();
    private final ConfigurableFilterDataProvider<AuditEntry, Void, AuditFilter> entries;

    AuditLogView(AuditService audit) {
        addClassNames("page", "audit-log");
        setPadding(false);

        List<String> types = new ArrayList<>();
        types.add(ALL);
        types.addAll(AuditService.ENTITY_TYPES);
        what.setLabel(getTranslation("audit.filter.what"));
        what.setItems(types);
        what.setItemLabelGenerator(type -> type.isEmpty() ? getTranslation("audit.filter.all")
                : AuditTexts.entity(this, type));
        what.setValue(ALL);
        id.setLabel(getTranslation("audit.filter.id"));
        id.setAllowedCharPattern("[0-9]");
        id.setMaxLength(18);
        who.setLabel(getTranslation("audit.filter.who"));
        who.setMaxLength(80);
        text.setLabel(getTranslation("audit.filter.text"));
        text.setMaxLength(100);
        from.setLabel(getTranslation("audit.filter.from"));
        to.setLabel(getTranslation("audit.filter.to"));
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        for (TextField field : List.of(id, who, text)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
        }
        FlexLayout filters = new FlexLayout(what, id, who, from, to, text);
        filters.addClassName("audit-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);

        CallbackDataProvider<AuditEntry, AuditFilter> provider = DataProvider.fromFilteringCallbacks(
                query -> audit.entries(query.getFilter().orElse(AuditFilter.all()), query.getOffset(),
                        query.getLimit()).stream(),
                query -> (int) audit.count(query.getFilter().orElse(AuditFilter.all())));
        entries = provider.withConfigurableFilter();

        Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
        grid.addColumn(entry -> Formats.timestamp(entry.getAt())).setHeader(getTranslation("audit.column.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> AuditTexts.who(this, entry)).setHeader(getTranslation("audit.column.who"))
                .setAutoWidth(true);
        grid.addColumn(entry -> AuditTexts.entity(this, entry.getEntityType()))
                .setHeader(getTranslation("audit.column.what")).setAutoWidth(true);
        grid.addColumn(entry -> entry.getEntityId() == null ? "" : String.valueOf(entry.getEntityId()))
                .setHeader(getTranslation("audit.column.id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> getTranslation(entry.getAction().translationKey()))
                .setHeader(getTranslation("audit.column.action")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::summary).setHeader(getTranslation("audit.column.fields")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(entries);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.setMinHeight("20rem");
        grid.asSingleSelect().addValueChangeListener(selection -> showDetail(selection.getValue()));

        detail.addClassName("audit-detail");
        showDetail(null);

        what.addValueChangeListener(change -> refresh());
        id.addValueChangeListener(change -> refresh());
        who.addValueChangeListener(change -> refresh());
        text.addValueChangeListener(change -> refresh());
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());

        add(new H1(getTranslation("audit.title")), new Paragraph(getTranslation("audit.intro")), filters, grid,
                detail);
        setFlexGrow(1, grid);
    }

    private void refresh() {
        Long number = null;
        if (!id.getValue().isBlank()) {
            try {
                number = Long.valueOf(id.getValue().strip());
                id.setInvalid(false);
            } catch (NumberFormatException e) {
                id.setErrorMessage(getTranslation("audit.filter.id-invalid"));
                id.setInvalid(true);
                return;
            }
        }
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setErrorMessage(getTranslation("audit.filter.dates-invalid"));
            to.setInvalid(true);
            return;
        }
        to.setInvalid(false);
        entries.setFilter(new AuditFilter(what.getValue() == null || what.getValue().isEmpty() ? null
                : what.getValue(), number, who.getValue(), from.getValue(), to.getValue(), text.getValue()));
        showDetail(null);
    }

    private String summary(AuditEntry entry) {
        return entry.getChanges().stream().map(change -> AuditTexts.field(this, change.field()))
                .collect(Collectors.joining(getTranslation("conflict.separator")));
    }

    private void showDetail(AuditEntry entry) {
        detail.removeAll();
        if (entry == null) {
            detail.add(new Paragraph(getTranslation("audit.detail.choose")));
            return;
        }
        detail.add(new H2(getTranslation("audit.detail.title", AuditTexts.entity(this, entry.getEntityType()),
                entry.getEntityId() == null ? "" : String.valueOf(entry.getEntityId()),
                getTranslation(entry.getAction().translationKey()))),
                new Paragraph(getTranslation("audit.detail.by", Formats.timestamp(entry.getAt()),
                        AuditTexts.who(this, entry))));
        UnorderedList list = new UnorderedList();
        list.addClassName("audit-changes");
        for (FieldChange change : entry.getChanges()) {
            Span name = new Span(AuditTexts.field(this, change.field()));
            name.addClassName("audit-field");
            list.add(new ListItem(name, new Span(getTranslation("audit.detail.change", value(change.before()),
                    value(change.after())))));
        }
        detail.add(list);
    }

    private String value(String value) {
        return value == null ? getTranslation("audit.detail.empty") : value;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " | " + getTranslation("app.name");
    }
}
