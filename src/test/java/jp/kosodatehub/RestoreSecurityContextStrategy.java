package jp.kosodatehub;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For test classes that start an application context of their own next to the shared one. Every Vaadin context
 * installs its own security context strategy (with its own thread-local) into the static
 * {@link SecurityContextHolder}, while each context's method security keeps using its own instance. Once a second
 * context has started, {@code SystemAccess.runAs} in tests of the shared context would write the login where that
 * context's services never look, and they fail with "An Authentication object was not found". Declare this
 * extension before {@code @SpringBootTest}, so that it runs before the class's context is started and puts the
 * previous strategy back once the class is done.
 */
public class RestoreSecurityContextStrategy implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RestoreSecurityContextStrategy.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("previous", SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolderStrategy previous =
                context.getStore(NAMESPACE).get("previous", SecurityContextHolderStrategy.class);
        if (previous != null) {
            SecurityContextHolder.setContextHolderStrategy(previous);
        }
    }
}
