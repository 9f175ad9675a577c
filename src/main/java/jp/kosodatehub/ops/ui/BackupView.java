package jp.kosodatehub.ops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.UncheckedIOException;
import java.util.Locale;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.ops.BackupService;
import jp.kosodatehub.security.Roles;

/**
 * The office takes a backup of the embedded database on demand (besides the nightly one) and sees which backups
 * exist. Restoring is done by the administrator with the application stopped, as docs/operations.md describes.
 */
@Route(value = "admin/backup")
@RolesAllowed(Roles.COORDINATOR)
class BackupView extends VerticalLayout implements HasDynamicTitle {

    private final transient BackupService backups;
    private final Grid<BackupService.BackupFile> grid = new Grid<>();

    BackupView(BackupService backups) {
        this.backups = backups;
        addClassName("page");
        add(new H1(getTranslation("ops.backup.title")));
        if (!backups.supported()) {
            add(new Paragraph(getTranslation("ops.backup.postgres")));
            return;
        }
        add(new Paragraph(getTranslation("ops.backup.intro", backups.directory().toString())));
        Button now = new Button(getTranslation("ops.backup.now"), click -> backupNow());
        now.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        now.setDisableOnClick(true);
        now.addClickListener(click -> now.setEnabled(true));
        grid.addColumn(BackupService.BackupFile::name).setHeader(getTranslation("ops.backup.file"))
                .setAutoWidth(true);
        grid.addColumn(file -> Formats.timestamp(file.createdAt())).setHeader(getTranslation("ops.backup.created"))
                .setAutoWidth(true);
        grid.addColumn(file -> getTranslation("ops.backup.size", String.format(Locale.ROOT, "%.1f",
                file.bytes() / 1024.0 / 1024.0))).setHeader(getTranslation("ops.backup.size-header"));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("ops.backup.none"));
        add(now, grid, new Paragraph(getTranslation("ops.backup.restore")));
        refresh();
    }

    private void backupNow() {
        try {
            Feedback.attempt(this, () -> backups.backupNow().ifPresent(file ->
                    Feedback.success(getTranslation("ops.backup.done", file.name()))));
        } catch (IllegalStateException | UncheckedIOException e) {
            Feedback.error(getTranslation("ops.backup.failed", e.getMessage()));
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(backups.backups());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ops.backup.title");
    }
}
