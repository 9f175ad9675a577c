package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;

/** A member's own organisation's events (for the office: every event), filtered by state, paged from the database. */
@Route("my/events")
@RolesAllowed({Roles.MEMBER, Roles.COORDINATOR})
class MyEventsView extends VerticalLayout implements HasDynamicTitle {

    private final transient EventService events;
    private final Select<EventStatus> status = new Select<>();
    private final Grid<Event> grid = new Grid<>(Event.class, false);
    private final boolean coordinator;

    MyEventsView(EventService events, CurrentUser currentUser) {
        this.events = events;
        this.coordinator = currentUser.isCoordinator();
        addClassNames("page", "my-events");
        setPadding(false);

        H1 title = new H1(getTitleText());
        Button create = new Button(getTranslation("nav.new-event"), click -> getUI().ifPresent(ui ->
                ui.navigate(EventEditorView.class, new RouteParameters(EventEditorView.ID, EventEditorView.NEW))));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        status.setLabel(getTranslation("my-events.filter.status"));
        status.setItems(EventStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("feed.filter.all"));
        status.setItemLabelGenerator(item -> item == null ? getTranslation("feed.filter.all")
                : getTranslation(item.translationKey()));
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        Div toolbar = new Div(status, create);
        toolbar.addClassName("toolbar");

        grid.addColumn(event -> Formats.range(event.getStartsAt(), event.getEndsAt(), getLocale()))
                .setHeader(getTranslation("event.field.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Event::getTitle).setHeader(getTranslation("event.field.title")).setFlexGrow(1);
        grid.addComponentColumn(this::statusCell).setHeader(getTranslation("my-events.column.status"))
                .setAutoWidth(true).setFlexGrow(0);
        if (coordinator) {
            grid.addColumn(event -> event.getOrganisation().getName())
                    .setHeader(getTranslation("event.field.organiser")).setAutoWidth(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(DataProvider.fromCallbacks(
                query -> events.myEvents(selected(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) events.myEventsCount(selected())));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(EventEditorView.class,
                new RouteParameters(EventEditorView.ID, String.valueOf(click.getItem().getId())))));
        grid.setEmptyStateText(getTranslation("my-events.empty"));
        grid.setAllRowsVisible(false);
        grid.setMinHeight("20rem");

        add(title, toolbar, grid);
        setFlexGrow(1, grid);
    }

    private Div statusCell(Event event) {
        Div cell = new Div(EventEditorView.statusBadge(event.getStatus()));
        if (event.getStatus() == EventStatus.SENT_BACK && event.getStatusReason() != null) {
            Span reason = new Span(event.getStatusReason());
            reason.addClassName("grid-reason");
            cell.add(reason);
        }
        return cell;
    }

    private Set<EventStatus> selected() {
        return status.getValue() == null ? Set.of() : Set.of(status.getValue());
    }

    private String getTitleText() {
        return getTranslation(coordinator ? "nav.all-events" : "nav.my-events");
    }

    @Override
    public String getPageTitle() {
        return getTitleText() + " | " + getTranslation("app.name");
    }
}
