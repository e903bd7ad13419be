package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.NotificationType;
import io.tradebook.security.FieldProblem;
import io.tradebook.store.JdbiEventSink.StoredNotification;
import io.tradebook.store.NotificationRepository;
import io.tradebook.store.Owned;
import io.tradebook.store.Page;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The caller's notifications ({@code /api/notifications}): orders filled and rejected, risk
 * alerts, broker and system trouble. List, count the unread, mark read, and say where they should
 * also be sent (a webhook URL, delivered by the server's notifier). Open to the read scope, except
 * the webhook, which needs the signed-in user.
 */
final class NotificationRoutes implements RouteModule {
    private static final String TAG = "Notifications";
    private static final String PATH = "/api/notifications";
    private static final int MAX_URL = 2000;

    /** A notification. Immutable. */
    record NotificationView(long id, NotificationType type, AlertLevel level, String title, String message,
                            @JsonPropertyDescription("The figures behind it (order id, rule, limit, observed value)") Map<String, String> data,
                            Instant createdAt, @JsonPropertyDescription("null while unread") Instant readAt) {
        static NotificationView of(StoredNotification n) {
            return new NotificationView(n.id(), n.type(), n.level(), n.title(), n.message(), n.data(), n.createdAt(), n.readAt());
        }
    }

    /** A page of notifications. Immutable. */
    record NotificationList(List<NotificationView> notifications, String nextCursor) {
    }

    /** How many are unread. Immutable. */
    record UnreadCount(long unread) {
    }

    /** How many were marked read. Immutable. */
    record MarkedRead(int marked) {
    }

    /** Where notifications are also sent. Immutable. */
    record NotificationSettings(@JsonPropertyDescription("An http(s) URL each new notification is POSTed to; null for none")
                                String webhookUrl) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        NotificationRepository notifications = new NotificationRepository(context.database().jdbi());
        routes.add(Paging.declare(Route.get(PATH)).tag(TAG).summary("Your notifications, newest first").access(Access.scope(Scope.READ))
                .query("unread", Boolean.class, false, "true: only unread ones")
                .query("type", NotificationType.class, false, "Only this type").query("level", AlertLevel.class, false, "Only this level")
                .responds(200, NotificationList.class, "A page of notifications")
                .handle(call -> {
                    Paging paging = Paging.of(call);
                    NotificationRepository.Filter filter = new NotificationRepository.Filter(call.queryFlag("unread"),
                            call.queryEnum("type", NotificationType.class).orElse(null), call.queryEnum("level", AlertLevel.class).orElse(null));
                    Page<StoredNotification> page = paging.read(() -> notifications.list(call.userId(), filter, paging.cursor(),
                            paging.limit()));
                    return Reply.ok(new NotificationList(page.items().stream().map(NotificationView::of).toList(), Paging.next(page)));
                }));
        routes.add(Route.get(PATH + "/unread-count").tag(TAG).summary("How many of your notifications are unread")
                .access(Access.scope(Scope.READ)).responds(200, UnreadCount.class, "The count")
                .handle(call -> Reply.ok(new UnreadCount(notifications.unreadCount(call.userId())))));
        routes.add(Route.post(PATH + "/{notificationId}/read").tag(TAG).summary("Mark a notification read")
                .access(Access.scope(Scope.READ)).owned("notificationId", Owned.NOTIFICATION, "The notification's id (a number)")
                .responds(200, NotificationView.class, "The notification, read (marking it again keeps the first time)")
                .handle(call -> Reply.ok(NotificationView.of(notifications.markRead(call.userId(), call.number("notificationId"), call.now())
                        .orElseThrow(() -> Problems.notFound("no notification " + call.number("notificationId")))))));
        routes.add(Route.post(PATH + "/read-all").tag(TAG).summary("Mark all your notifications read").access(Access.scope(Scope.READ))
                .responds(200, MarkedRead.class, "How many were unread")
                .handle(call -> Reply.ok(new MarkedRead(notifications.markAllRead(call.userId(), call.now())))));
        routes.add(Route.get(PATH + "/settings").tag(TAG).summary("Where your notifications are also sent").access(Access.scope(Scope.READ))
                .responds(200, NotificationSettings.class, "The settings")
                .handle(call -> Reply.ok(new NotificationSettings(notifications.webhookUrl(call.userId()).orElse(null)))));
        routes.add(Route.put(PATH + "/settings").tag(TAG).summary("Set (or clear, with null) your notification webhook")
                .access(Access.signedIn()).body(NotificationSettings.class).responds(200, NotificationSettings.class, "The settings now")
                .handle(call -> {
                    String url = webhookUrl(call.body(NotificationSettings.class).webhookUrl());
                    notifications.setWebhookUrl(call.userId(), url);
                    context.audit().record(io.tradebook.core.events.LogLevel.INFO, "notifications",
                            url == null ? "webhook removed" : "webhook set", call.userId(), Map.of());
                    return Reply.ok(new NotificationSettings(url));
                }));
    }

    /** {@code text} when it is an absolute http(s) URL with a host, without credentials, of at most 2,000 characters; null stays null; else 422. */
    static String webhookUrl(String text) {
        if (text == null) {
            return null;
        }
        String url = text.strip();
        String problem = null;
        if (url.length() > MAX_URL) {
            problem = "must have at most " + MAX_URL + " characters";
        } else {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                    problem = "must be an absolute http or https URL, such as https://example.com/hooks/tradebook";
                } else if (uri.getUserInfo() != null) {
                    problem = "must not carry a user name or password";
                }
            } catch (URISyntaxException e) {
                problem = "must be an absolute http or https URL, such as https://example.com/hooks/tradebook";
            }
        }
        if (problem != null) {
            throw Problems.invalid(List.of(new FieldProblem("webhookUrl", problem)));
        }
        return url;
    }
}
