/**
 * Profiles, token sources, settings and preferences: plain Java, no JavaFX.
 *
 * <p>Where tokens come from: {@code FASTLY_API_TOKEN} (with {@code FASTLY_API_ENDPOINT}), the Fastly CLI's own
 * {@code config.toml} (read, never written), and tokens typed into PurgeDeck, kept in {@code tokens.json}. That file,
 * like every file here, is written by {@link dev.purgedeck.files.AtomicFiles}: each version is a new file created
 * owner-read/write only by the create call itself and then renamed into place. On Windows, where there are no POSIX
 * permissions, it inherits the ACL of the data folder ({@code %APPDATA%\PurgeDeck} by default: the user, SYSTEM and
 * Administrators only).
 *
 * <p>The OS keychain is not used. The Java libraries that reach macOS Keychain, Windows Credential Manager and the
 * Linux Secret Service (e.g. java-keyring) depend on JNA and native code, and the Secret Service is often missing
 * (no desktop session, WSL, containers), so a file fallback would be needed anyway; the Fastly CLI itself keeps its
 * tokens in an owner-only file too.
 *
 * <p>No token value appears in a {@code toString}, a message or a log line: {@link dev.purgedeck.fastly.ApiToken}
 * masks itself, profiles only name where their token comes from, and messages about damaged files say where the
 * damage is, never what the file holds.
 */
package dev.purgedeck.settings;
