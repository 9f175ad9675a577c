package jp.kosodatehub.notifications;

import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail sender made from the {@code spring.mail.*} settings when Spring Boot made none. That happens in Spring's
 * AOT mode (docs/operations.md, "Production build"), which fixes Boot's "is spring.mail.host set?" condition when the jar is
 * built: a deployment that sets the host only in its own {@code config/application.properties} must still mail.
 */
final class MailSenders {

    private MailSenders() {
    }

    /** The sender the settings describe, or {@code null} when no {@code spring.mail.host} is set (mail is off). */
    static JavaMailSender fromEnvironment(Environment environment) {
        MailProperties mail = Binder.get(environment).bind("spring.mail", MailProperties.class).orElse(null);
        if (mail == null || mail.getHost() == null || mail.getHost().isBlank()) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        if (mail.getSsl().isEnabled()) {
            properties.setProperty("mail." + mail.getProtocol() + ".ssl.enable", "true");
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
