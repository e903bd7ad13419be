package io.tradebook.http;

import io.tradebook.core.access.PhoneNumber;
import io.tradebook.core.access.SmsSender;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps the messages the server sends, so tests can read the codes. Thread-safe. */
final class RecordingSms implements SmsSender {
    private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");
    private final List<String[]> sent = new ArrayList<>();

    @Override
    public synchronized void send(PhoneNumber to, String text) {
        sent.add(new String[] {to.value(), text});
    }

    /** The code in the last message to {@code phone}. */
    synchronized String lastCode(String phone) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i)[0].equals(phone)) {
                Matcher m = CODE.matcher(sent.get(i)[1]);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no code was sent to " + phone);
    }

    synchronized int count() {
        return sent.size();
    }
}
