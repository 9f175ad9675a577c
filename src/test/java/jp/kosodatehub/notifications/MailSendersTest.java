package jp.kosodatehub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/** The sender made from the settings when Spring Boot made none (Spring's AOT mode): the same settings apply. */
class MailSendersTest {

    @Test
    void withoutAHostMailStaysOff() {
        assertThat(MailSenders.fromEnvironment(new MockEnvironment())).isNull();
        assertThat(MailSenders.fromEnvironment(new MockEnvironment().withProperty("spring.mail.host", " "))).isNull();
    }

    @Test
    void hostPortAccountAndTimeoutsComeFromTheSpringMailSettings() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.mail.host", "mail.example.jp")
                .withProperty("spring.mail.port", "587")
                .withProperty("spring.mail.username", "office")
                .withProperty("spring.mail.password", "secret")
                .withProperty("spring.mail.properties.mail.smtp.timeout", "10000")
                .withProperty("spring.mail.properties.mail.smtp.starttls.enable", "true");

        JavaMailSenderImpl sender = (JavaMailSenderImpl) MailSenders.fromEnvironment(environment);

        assertThat(sender).isNotNull();
        assertThat(sender.getHost()).isEqualTo("mail.example.jp");
        assertThat(sender.getPort()).isEqualTo(587);
        assertThat(sender.getUsername()).isEqualTo("office");
        assertThat(sender.getPassword()).isEqualTo("secret");
        assertThat(sender.getProtocol()).isEqualTo("smtp");
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.starttls.enable", "true");
    }
}
