package dev.purgedeck.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Immutable start-up configuration of the sandbox; the open points of docs/fastly-api.md (§16, §19) are switches. */
public final class SandboxConfig {
    private final int port;
    private final Duration latency;
    private final boolean manyServices;
    private final boolean prettyKeyPurgeJson;
    private final int purgeAllHourlyLimit;
    private final boolean currentUserForbiddenForScopedTokens;
    private final int restrictedServiceStatus;
    private final boolean urlPurgeRequiresAuth;
    private final FaultSettings faults;
    private final long randomSeed;
    private final Clock clock;
    private final long edgeSeed;
    private final Duration maxPropagationDelay;
    private final int trafficPerSecond;
    private final int originCapacity;

    private SandboxConfig(Builder b) {
        this.port = b.port;
        this.latency = b.latency;
        this.manyServices = b.manyServices;
        this.prettyKeyPurgeJson = b.prettyKeyPurgeJson;
        this.purgeAllHourlyLimit = b.purgeAllHourlyLimit;
        this.currentUserForbiddenForScopedTokens = b.currentUserForbiddenForScopedTokens;
        this.restrictedServiceStatus = b.restrictedServiceStatus;
        this.urlPurgeRequiresAuth = b.urlPurgeRequiresAuth;
        this.faults = b.faults;
        this.randomSeed = b.randomSeed;
        this.clock = b.clock;
        this.edgeSeed = b.edgeSeed;
        this.maxPropagationDelay = b.maxPropagationDelay;
        this.trafficPerSecond = b.trafficPerSecond;
        this.originCapacity = b.originCapacity;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Free port, no latency, the five demo services, Fastly's documented defaults. */
    public static SandboxConfig defaults() {
        return builder().build();
    }

    public int port() {
        return port;
    }

    public Duration latency() {
        return latency;
    }

    public boolean manyServices() {
        return manyServices;
    }

    public boolean prettyKeyPurgeJson() {
        return prettyKeyPurgeJson;
    }

    public int purgeAllHourlyLimit() {
        return purgeAllHourlyLimit;
    }

    public boolean currentUserForbiddenForScopedTokens() {
        return currentUserForbiddenForScopedTokens;
    }

    public int restrictedServiceStatus() {
        return restrictedServiceStatus;
    }

    public boolean urlPurgeRequiresAuth() {
        return urlPurgeRequiresAuth;
    }

    public FaultSettings faults() {
        return faults;
    }

    /** Seed of the random source behind fault rates and latency jitter. */
    public long randomSeed() {
        return randomSeed;
    }

    /** The sandbox's time: the edge's ages and TTLs, token expiry, rate-limit windows. Tests pass one they move. */
    public Clock clock() {
        return clock;
    }

    /** Seed of the random source that picks when a purge reaches the edge and the shield POP. */
    public long edgeSeed() {
        return edgeSeed;
    }

    /** The longest a purge takes to reach a node of a shielded service; zero: everywhere at once. */
    public Duration maxPropagationDelay() {
        return maxPropagationDelay;
    }

    /** Simulated visitor requests per second and demo service; zero (the default) keeps the edge quiet. */
    public int trafficPerSecond() {
        return trafficPerSecond;
    }

    /** Origin fetches per second each demo origin can take before fetches fail with 503; 0 means no limit. */
    public int originCapacity() {
        return originCapacity;
    }

    /** Collects settings; every setter validates at once so a bad value fails where it is written. */
    public static final class Builder {
        private int port;
        private Duration latency = Duration.ZERO;
        private boolean manyServices;
        private boolean prettyKeyPurgeJson = true;
        private int purgeAllHourlyLimit = 1000;
        private boolean currentUserForbiddenForScopedTokens = true;
        private int restrictedServiceStatus = 404;
        private boolean urlPurgeRequiresAuth;
        private FaultSettings faults = FaultSettings.none();
        private long randomSeed = 20250101L;
        private Clock clock = Clock.systemUTC();
        private long edgeSeed = 20250615L;
        private Duration maxPropagationDelay = Duration.ZERO;
        private int trafficPerSecond;
        private int originCapacity;

        private Builder() {
        }

        public Builder port(int p) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + p);
            }
            this.port = p;
            return this;
        }

        public Builder latency(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative: " + d);
            }
            this.latency = d;
            return this;
        }

        public Builder manyServices(boolean b) {
            this.manyServices = b;
            return this;
        }

        public Builder prettyKeyPurgeJson(boolean b) {
            this.prettyKeyPurgeJson = b;
            return this;
        }

        public Builder purgeAllHourlyLimit(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("purgeAllHourlyLimit must be >= 0: " + n);
            }
            this.purgeAllHourlyLimit = n;
            return this;
        }

        public Builder currentUserForbiddenForScopedTokens(boolean b) {
            this.currentUserForbiddenForScopedTokens = b;
            return this;
        }

        public Builder restrictedServiceStatus(int status) {
            if (status != 403 && status != 404) {
                throw new IllegalArgumentException("restrictedServiceStatus must be 403 or 404: " + status);
            }
            this.restrictedServiceStatus = status;
            return this;
        }

        public Builder urlPurgeRequiresAuth(boolean b) {
            this.urlPurgeRequiresAuth = b;
            return this;
        }

        public Builder faults(FaultSettings f) {
            this.faults = Objects.requireNonNull(f, "faults");
            return this;
        }

        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Builder edgeSeed(long seed) {
            this.edgeSeed = seed;
            return this;
        }

        public Builder maxPropagationDelay(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("maxPropagationDelay must not be negative: " + d);
            }
            this.maxPropagationDelay = d;
            return this;
        }

        public Builder trafficPerSecond(int n) {
            if (n < 0 || n > 100_000) {
                throw new IllegalArgumentException("trafficPerSecond must be 0..100000: " + n);
            }
            this.trafficPerSecond = n;
            return this;
        }

        public Builder originCapacity(int fetchesPerSecond) {
            if (fetchesPerSecond < 0 || fetchesPerSecond > 1_000_000) {
                throw new IllegalArgumentException("originCapacity must be 0..1000000: " + fetchesPerSecond);
            }
            this.originCapacity = fetchesPerSecond;
            return this;
        }

        public SandboxConfig build() {
            return new SandboxConfig(this);
        }
    }
}
