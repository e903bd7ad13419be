package io.tradebook.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Everything logged at INFO or above while it is open, from every logger. Closing detaches it. */
final class CapturedLogs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
    }

    /** All messages so far, with their stack traces, as one text. */
    String text() {
        StringBuilder all = new StringBuilder();
        synchronized (appender.list) {
            for (ILoggingEvent e : appender.list) {
                all.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
                if (e.getThrowableProxy() != null) {
                    all.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
                }
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previous);
        appender.stop();
    }
}
