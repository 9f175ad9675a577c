package jp.kosodatehub.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kosodatehub.base.i18n.TranslationProvider;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in texts of Vaadin's components (upload, date pickers, login form, confirm dialog, the menu's drawer
 * and its toggle, the password field's reveal button) in the page's language, from the translation files. The web
 * components bring English defaults, which a Japanese page would otherwise show or read out.
 * <p>
 * Month and weekday names come from Java's locale data (as everywhere else the app writes dates), the words from
 * the {@code component.*} keys. The date picker's month title is a function in the browser ("1月 2026") and cannot
 * be set from Java; it is left as Vaadin writes it.
 */
public final class ComponentTexts {

    private ComponentTexts() {
    }

    /** Names, today/cancel and the first day of the week of the calendar; callers add their error messages. */
    public static DatePicker.DatePickerI18n datePicker(Locale locale) {
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values())
                        .map(month -> month.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdays(weekdays(TextStyle.FULL, locale))
                .setWeekdaysShort(weekdays(TextStyle.SHORT, locale))
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(text(locale, "component.date.today"))
                .setCancel(text(locale, "component.date.cancel"));
    }

    /** The calendar's texts for a picker created without error messages of its own. */
    public static <T extends DatePicker> T texts(T picker) {
        picker.setI18n(datePicker(locale(picker)));
        return picker;
    }

    /** The calendar of the picker's date half; its own i18n (labels, messages) is left to the caller. */
    public static <T extends DateTimePicker> T texts(T picker) {
        picker.setDatePickerI18n(datePicker(locale(picker)));
        return picker;
    }

    public static UploadI18N upload(Locale locale) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(text(locale, "component.upload.add-one"))
                .setMany(text(locale, "component.upload.add-many")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(text(locale, "component.upload.drop-one"))
                .setMany(text(locale, "component.upload.drop-many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(text(locale, "component.upload.too-many"))
                .setFileIsTooBig(text(locale, "component.upload.too-big"))
                .setIncorrectFileType(text(locale, "component.upload.wrong-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(text(locale, "component.upload.connecting"))
                        .setStalled(text(locale, "component.upload.stalled"))
                        .setProcessing(text(locale, "component.upload.processing"))
                        .setHeld(text(locale, "component.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(text(locale, "component.upload.remaining"))
                        .setUnknown(text(locale, "component.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(text(locale, "component.upload.server-unavailable"))
                        .setUnexpectedServerError(text(locale, "component.upload.server-error"))
                        .setForbidden(text(locale, "component.upload.forbidden"))
                        .setFileTooLarge(text(locale, "component.upload.too-big"))));
        i18n.setFile(new UploadI18N.File().setRetry(text(locale, "component.upload.retry"))
                .setStart(text(locale, "component.upload.start"))
                .setRemove(text(locale, "component.upload.remove")));
        return i18n;
    }

    public static Upload texts(Upload upload) {
        upload.setI18n(upload(locale(upload)));
        return upload;
    }

    /** The login form's texts; the error message is the general one, which the login view may replace. */
    public static LoginI18n login(Locale locale) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(text(locale, "login.title"));
        form.setUsername(text(locale, "login.username"));
        form.setPassword(text(locale, "login.password"));
        form.setSubmit(text(locale, "login.submit"));
        form.setForgotPassword(text(locale, "login.forgot-password"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(text(locale, "login.error.title"));
        error.setMessage(text(locale, "login.error.message"));
        error.setUsername(text(locale, "login.error.username"));
        error.setPassword(text(locale, "login.error.password"));
        return i18n;
    }

    /**
     * The reveal button of the login form's password field: LoginI18n has no text for it, and the field lives
     * inside the web component, so its i18n property is set in the browser once the form has drawn its fields.
     */
    public static LoginForm revealLabel(LoginForm form) {
        form.getElement().executeJs("""
                const label = $0;
                const apply = () => {
                    const field = this.querySelector('vaadin-password-field')
                        || this.shadowRoot?.querySelector('vaadin-password-field');
                    if (field) {
                        field.i18n = {...field.i18n, reveal: label};
                    } else {
                        requestAnimationFrame(apply);
                    }
                };
                apply();""", text(locale(form), "component.password.reveal"));
        return form;
    }

    /**
     * The reveal button's accessible name. PasswordField.setI18n replaces the whole i18n property, so a field whose
     * error messages are set later needs this again afterwards.
     */
    public static PasswordField texts(PasswordField field) {
        ObjectNode i18n = JsonNodeFactory.instance.objectNode();
        i18n.put("reveal", text(locale(field), "component.password.reveal"));
        field.getElement().setPropertyJson("i18n", i18n);
        return field;
    }

    /** The menu's drawer, named for screen readers. */
    public static void texts(AppLayout layout) {
        layout.setI18n(new AppLayout.AppLayoutI18n().setDrawer(text(locale(layout), "component.app-layout.drawer")));
    }

    public static DrawerToggle drawerToggle(Locale locale) {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(text(locale, "component.drawer-toggle"));
        return toggle;
    }

    /**
     * The connection indicator at the top of every page (a status read out by screen readers, and the message when
     * the server cannot be reached). Flow's configuration covers the reconnecting texts only; the web component's
     * texts are set in the browser.
     */
    public static void connectionTexts(UI ui) {
        Locale locale = ui.getLocale();
        String reconnecting = text(locale, "component.connection.reconnecting");
        String lost = text(locale, "component.connection.lost");
        ui.getReconnectDialogConfiguration().setDialogText(reconnecting);
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(lost);
        ui.getElement().executeJs("""
                const indicator = document.querySelector('vaadin-connection-indicator');
                if (indicator) {
                    indicator.onlineText = $0;
                    indicator.reconnectingText = $1;
                    indicator.offlineText = $2;
                }""", text(locale, "component.connection.online"), reconnecting, lost);
    }

    /** A confirm dialog whose buttons are named even where the caller names only some of them. */
    public static ConfirmDialog confirmDialog(Locale locale) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setConfirmText(text(locale, "component.confirm.confirm"));
        dialog.setCancelText(text(locale, "action.cancel"));
        dialog.setRejectText(text(locale, "component.confirm.reject"));
        return dialog;
    }

    private static List<String> weekdays(TextStyle style, Locale locale) {
        // The web component counts from Sunday.
        return List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY).stream()
                .map(day -> day.getDisplayName(style, locale)).toList();
    }

    /** The language of the page being built: components are made while the UI handles a request. */
    private static Locale locale(Component component) {
        return component.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(UI::getLocale)
                .orElse(TranslationProvider.JAPANESE);
    }

    private static String text(Locale locale, String key) {
        return I18NProvider.translate(locale, key);
    }
}
