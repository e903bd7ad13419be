package io.tradebook.http;

import io.tradebook.core.access.PhoneNumber;
import io.tradebook.core.access.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link SmsSender}: writes each message to the server log (logger
 * {@code io.tradebook.sms}), since a self-hosted install has no SMS gateway. Whoever reads the log
 * can read the codes, so a deployment that exposes phone sign-in to others must plug in a real
 * gateway. Stateless.
 */
public final class LoggingSmsSender implements SmsSender {
    private static final Logger LOG = LoggerFactory.getLogger("io.tradebook.sms");

    @Override
    public void send(PhoneNumber to, String text) {
        LOG.info("SMS to {}: {}", to.value(), text);
    }
}
