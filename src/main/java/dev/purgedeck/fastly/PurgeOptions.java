package dev.purgedeck.fastly;

/**
 * How a purge is carried out: soft (mark stale) or hard, and on which environment.
 *
 * @param soft        send {@code Fastly-Soft-Purge: 1}; refused for purge-all
 * @param environment production, or staging ({@code Fastly-Purge-Environment: staging}, keys and purge-all only)
 */
public record PurgeOptions(boolean soft, Environment environment) {
    public static final PurgeOptions HARD = new PurgeOptions(false, Environment.PRODUCTION);
    public static final PurgeOptions SOFT = new PurgeOptions(true, Environment.PRODUCTION);

    public PurgeOptions {
        environment = environment == null ? Environment.PRODUCTION : environment;
    }

    /** The environment a purge applies to. */
    public enum Environment { PRODUCTION, STAGING }
}
