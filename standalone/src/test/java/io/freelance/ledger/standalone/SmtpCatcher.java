package io.freelance.ledger.standalone;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, as the standalone test contexts are shared across test
 * classes: every email the service sends in these tests crosses a real SMTP conversation. Tests tell their emails
 * apart by recipient and by text only they use.
 */
final class SmtpCatcher {

    private static final GreenMail SERVER = start();

    private SmtpCatcher() {
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** The bodies of the emails delivered to {@code address} whose body contains {@code text}, oldest first. */
    static List<String> bodiesTo(String address, String text) {
        return Arrays.stream(SERVER.getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .map(message -> GreenMailUtil.getBody(message).replace("=\r\n", "").replace("\r\n", "\n"))
                .filter(body -> body.contains(text))
                .toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(recipient -> recipient.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not read a received email's recipients", e);
        }
    }
}
