package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.security.Roles;

/** The office's queue of submissions, oldest first, so nobody waits longest. */
@Route("moderation")
@RolesAllowed(Roles.COORDINATOR)
class ModerationView extends VerticalLayout implements HasDynamicTitle {

    ModerationView(EventService events) {
        addClassNames("page", "moderation");
        setPadding(false);
        long waiting = events.moderationCount();
        Paragraph summary = new Paragraph(getTranslation("moderation.summary", waiting));
        summary.addClassName("moderation-summary");

        Grid<Event> grid = new Grid<>(Event.class, false);
        grid.addColumn(event -> Formats.timestamp(event.getSubmittedAt()))
                .setHeader(getTranslation("moderation.column.submitted")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(event -> event.getOrganisation().getName())
                .setHeader(getTranslation("event.field.organiser")).setAutoWidth(true);
        // The whole title, wrapped, with the series marked: on a phone a cut-off title hides what is submitted.
        grid.addComponentColumn(this::titleCell).setKey("title").setHeader(getTranslation("event.field.title"))
                .setWidth("14rem").setFlexGrow(1).setTooltipGenerator(Event::getTitle);
        grid.addColumn(event -> Formats.range(event.getStartsAt(), event.getEndsAt(), getLocale()))
                .setHeader(getTranslation("event.field.when")).setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                query -> events.moderationQueue(query.getOffset(), query.getLimit()).stream(),
                query -> (int) events.moderationCount()));
        grid.setEmptyStateText(getTranslation("moderation.empty"));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ModerationDetailView.class,
                new RouteParameters(ModerationDetailView.ID, String.valueOf(click.getItem().getId())))));
        grid.setMinHeight("20rem");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        add(new H1(getTranslation("nav.moderation")), summary, grid);
        setFlexGrow(1, grid);
    }

    /** The title, and for a series a 定期開催 badge with its rule in words (毎週火曜日 10:00〜12:00 …). */
    private Div titleCell(Event event) {
        Span title = new Span(event.getTitle());
        title.addClassName("moderation-title");
        Div cell = new Div(title);
        cell.addClassName("moderation-title-cell");
        if (event.isSeries()) {
            Span rule = new Span(EventDetails.describeSeries(event, getLocale()));
            rule.addClassName("moderation-series-rule");
            cell.add(new Badge(getTranslation("series.badge"), Badge.Tone.INFO), rule);
        }
        return cell;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.moderation") + " | " + getTranslation("app.name");
    }
}
