package jp.kosodatehub.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.Span;
import java.util.Map;
import java.util.function.Supplier;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.validation.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs a service call for a view and turns every refusal into a message the user understands: field problems at
 * their fields, a concurrent change as "reload", a refusal as "not allowed". Errors are shown, never swallowed.
 */
public final class Feedback {

    private Feedback() {
    }

    /**
     * Runs {@code action}; returns its result, or {@code null} when it was refused (the user has been told why).
     *
     * @param fields the form's fields by the service's field names, to show problems where they belong
     * @param reload what to do when the user asks to reload after a concurrent change; may be null
     */
    public static <T> T attempt(Component source, Supplier<T> action, Map<String, ? extends HasValidation> fields,
                                Runnable reload) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            showProblems(source, e, fields);
        } catch (OptimisticLockingFailureException e) {
            concurrentChange(source, reload);
        } catch (AccessDeniedException e) {
            error(source.getTranslation("error.access-denied"));
        } catch (NotFoundException e) {
            error(source.getTranslation("error.not-found"));
        }
        return null;
    }

    public static boolean attempt(Component source, Runnable action) {
        return attempt(source, () -> {
            action.run();
            return Boolean.TRUE;
        }, Map.of(), null) != null;
    }

    public static void showProblems(Component source, InvalidInputException e,
                                    Map<String, ? extends HasValidation> fields) {
        StringBuilder unplaced = new StringBuilder();
        for (InvalidInputException.FieldProblem problem : e.problems()) {
            String message = source.getTranslation(problem.messageKey());
            HasValidation field = fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                unplaced.append(unplaced.isEmpty() ? "" : " ").append(message);
            }
        }
        error(unplaced.isEmpty() ? source.getTranslation("error.check-fields") : unplaced.toString());
    }

    public static void success(String message) {
        Notification notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification notification = new Notification(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    private static void concurrentChange(Component source, Runnable reload) {
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
        notification.setPosition(Notification.Position.MIDDLE);
        Span text = new Span(source.getTranslation("error.concurrent-change"));
        HorizontalLayout content = new HorizontalLayout(text);
        content.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (reload != null) {
            Button reloadButton = new Button(source.getTranslation("action.reload"), click -> {
                notification.close();
                reload.run();
            });
            content.add(reloadButton);
        }
        Button close = new Button(source.getTranslation("action.close"), click -> notification.close());
        content.add(close);
        notification.add(content);
        notification.open();
    }
}
