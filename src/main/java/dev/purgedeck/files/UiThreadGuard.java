package dev.purgedeck.files;


/**
 * Catches blocking store work (a file write, an fsync, a file lock) on the UI thread. The core may not import JavaFX,
 * so the UI thread is known by the name the JavaFX toolkit gives it. In the tests ({@value #STRICT_PROPERTY} set to
 * {@code true} by the build) such work throws, so a regression fails the suite; in the app it is logged once per
 * place, and the work goes on, because a slow write is better than a lost one.
 */
public final class UiThreadGuard {
    /** The system property that turns a logged warning into an {@link IllegalStateException}. */
    public static final String STRICT_PROPERTY = "purgedeck.strictUiThread";
    static final String FX_THREAD_NAME = "JavaFX Application Thread";
    private static final System.Logger LOG = Logs.of(UiThreadGuard.class);

    private UiThreadGuard() {
    }

    /** True on the JavaFX application thread. */
    public static boolean onUiThread() {
        return FX_THREAD_NAME.equals(Thread.currentThread().getName());
    }

    /**
     * Called by every store before it writes, forces or locks a file.
     *
     * @param what what was about to happen, for the message ("write settings.json")
     * @throws IllegalStateException on the UI thread when {@value #STRICT_PROPERTY} is {@code true}
     */
    public static void checkNotUiThread(String what) {
        if (!onUiThread()) {
            return;
        }
        String message = what + " was called on the UI thread; stores must run on their background executor";
        if (Boolean.getBoolean(STRICT_PROPERTY)) {
            throw new IllegalStateException(message);
        }
        LOG.log(System.Logger.Level.WARNING, message);
    }
}
