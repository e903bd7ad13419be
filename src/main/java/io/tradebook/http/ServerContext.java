package io.tradebook.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.security.Administration;
import io.tradebook.security.ApiKeys;
import io.tradebook.security.BrokerConnections;
import io.tradebook.security.PhoneCodes;
import io.tradebook.security.Registration;
import io.tradebook.security.SignIn;
import io.tradebook.store.Database;
import io.tradebook.store.UserRepository;
import java.time.Clock;

/**
 * What route modules build on: the database, the users, the clock, the JSON mapper, the tenancy check, the
 * audit trail, the metrics registry and the security services. Immutable; everything in it is
 * thread-safe.
 */
public record ServerContext(Database database, UserRepository users, Clock clock, ObjectMapper json, Tenancy tenancy, AuditTrail audit, MeterRegistry metrics,
                            SignIn signIn, Registration registration, PhoneCodes phoneCodes, ApiKeys apiKeys,
                            BrokerConnections brokerConnections, Administration administration) {
}
