package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.MainLayout;
import jp.kosodatehub.base.ui.TitleBar;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningSchedule;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PostStatus;

/**
 * A member's own organisation's volunteer openings (for the office: every opening), filtered by state, paged from
 * the database, with the actions each state allows right in the list.
 */
@Route(value = "my/volunteers/openings", layout = MainLayout.class)
@RolesAllowed({Roles.MEMBER, Roles.COORDINATOR})
class MyOpeningsView extends VerticalLayout implements HasDynamicTitle {

    private final transient OpeningService openings;
    private final Select<PostStatus> status = new Select<>();
    private final Grid<Opening> grid = new Grid<>(Opening.class, false);
    private final boolean coordinator;

    MyOpeningsView(OpeningService openings, CurrentUser currentUser) {
        this.openings = openings;
        this.coordinator = currentUser.isCoordinator();
        addClassNames("page", "my-openings");
        setPadding(false);

        Button create = new Button(getTranslation("volunteer.opening.action.new"),
                click -> edit(OpeningEditorView.NEW));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        status.setLabel(getTranslation("volunteer.opening.my.filter.status"));
        status.setItems(PostStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("volunteer.board.filter.all"));
        status.setItemLabelGenerator(item -> item == null ? getTranslation("volunteer.board.filter.all")
                : getTranslation(item.translationKey()));
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        Div toolbar = new Div(status);
        toolbar.addClassName("toolbar");

        grid.addColumn(Opening::getRole).setHeader(getTranslation("volunteer.opening.field.role")).setFlexGrow(1);
        grid.addColumn(this::when).setHeader(getTranslation("volunteer.opening.field.schedule"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::statusCell).setHeader(getTranslation("volunteer.opening.my.column.status"))
                .setAutoWidth(true).setFlexGrow(0);
        if (coordinator) {
            grid.addColumn(opening -> opening.getOrganisation().getName())
                    .setHeader(getTranslation("volunteer.opening.field.organisation")).setAutoWidth(true);
        }
        grid.addComponentColumn(this::actions).setHeader(getTranslation("volunteer.opening.my.column.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(DataProvider.fromCallbacks(
                query -> openings.myOpenings(selected(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) openings.myOpeningsCount(selected())));
        grid.setEmptyStateText(getTranslation("volunteer.opening.my.empty"));
        grid.setMinHeight("20rem");

        add(new TitleBar(new H1(getTitleText()), create), toolbar, grid);
        setFlexGrow(1, grid);
    }

    private String when(Opening opening) {
        return opening.getSchedule() == OpeningSchedule.ONE_DATE && opening.getOnDate() != null
                ? OpeningCard.whenOnDate(opening, getLocale()) : getTranslation(opening.getSchedule().translationKey());
    }

    private Div statusCell(Opening opening) {
        Div cell = new Div(statusBadge(opening.getStatus()));
        if (opening.getStatus() == PostStatus.SENT_BACK && opening.getStatusReason() != null) {
            Span reason = new Span(opening.getStatusReason());
            reason.addClassName("grid-reason");
            cell.add(reason);
        }
        return cell;
    }

    static Badge statusBadge(PostStatus status) {
        Badge.Tone tone = switch (status) {
            case PUBLISHED -> Badge.Tone.SUCCESS;
            case SUBMITTED -> Badge.Tone.INFO;
            case SENT_BACK -> Badge.Tone.WARNING;
            case CLOSED, WITHDRAWN -> Badge.Tone.ERROR;
            case DRAFT -> Badge.Tone.NEUTRAL;
        };
        Badge badge = new Badge("", tone);
        badge.setText(badge.getTranslation(status.translationKey()));
        return badge;
    }

    /** Edit always (the editor says what the state allows), and the one step each state leads to. */
    private Div actions(Opening opening) {
        Div cell = new Div();
        cell.addClassName("opening-actions");
        Button edit = new Button(getTranslation("action.edit"), click -> edit(String.valueOf(opening.getId())));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        cell.add(edit);
        PostStatus state = opening.getStatus();
        if (state == PostStatus.DRAFT || state == PostStatus.SENT_BACK) {
            cell.add(action("volunteer.opening.action.submit", null, null,
                    () -> openings.submit(opening.getId(), opening.getVersion())));
        }
        if (state == PostStatus.PUBLISHED) {
            cell.add(action("volunteer.opening.action.close", "volunteer.opening.closed", "volunteer.opening.close.",
                    () -> openings.close(opening.getId(), opening.getVersion())));
        }
        if (state != PostStatus.WITHDRAWN) {
            Button withdraw = action("volunteer.opening.action.withdraw", "volunteer.opening.withdrawn",
                    "volunteer.opening.withdraw.",
                    () -> openings.withdraw(opening.getId(), opening.getVersion()));
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cell.add(withdraw);
        }
        return cell;
    }

    /**
     * @param doneKey the message once done; {@code null} to say what submitting led to
     * @param confirmKey prefix of the title and explanation of a confirmation asked first, for steps that cannot
     *                   be undone; {@code null} to act at once
     */
    private Button action(String labelKey, String doneKey, String confirmKey, Supplier<Opening> work) {
        Runnable run = () -> {
            Opening result = Feedback.attempt(this, work, Map.of(), grid.getDataProvider()::refreshAll);
            if (result != null) {
                Feedback.success(getTranslation(doneKey != null ? doneKey
                        : result.getStatus() == PostStatus.PUBLISHED ? "volunteer.opening.published"
                        : "volunteer.opening.submitted"));
            }
            grid.getDataProvider().refreshAll();
        };
        Button button = new Button(getTranslation(labelKey), click -> {
            if (confirmKey == null) {
                run.run();
                return;
            }
            ConfirmDialog confirm = ComponentTexts.confirmDialog(getLocale());
            confirm.setHeader(getTranslation(confirmKey + "title"));
            confirm.setText(getTranslation(confirmKey + "explanation"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation(labelKey));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(yes -> run.run());
            confirm.open();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void edit(String id) {
        getUI().ifPresent(ui -> ui.navigate(OpeningEditorView.class, new RouteParameters(OpeningEditorView.ID, id)));
    }

    private Set<PostStatus> selected() {
        return status.getValue() == null ? Set.of() : Set.of(status.getValue());
    }

    private String getTitleText() {
        return getTranslation(coordinator ? "volunteer.opening.my.all-title" : "volunteer.opening.my.title");
    }

    @Override
    public String getPageTitle() {
        return getTitleText() + " | " + getTranslation("app.name");
    }
}
