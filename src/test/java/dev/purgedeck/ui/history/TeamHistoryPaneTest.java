package dev.purgedeck.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.team.TeamConnection;
import dev.purgedeck.team.TeamHistory;
import dev.purgedeck.team.TeamPasswords;
import dev.purgedeck.team.TeamRow;
import dev.purgedeck.team.TeamSchema;
import dev.purgedeck.team.TeamSettings;
import dev.purgedeck.testsupport.Eventually;
import dev.purgedeck.testsupport.TeamDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** History's Team scope through TestFX on a real PostgreSQL: another desktop's purge appears with its user's name. */
@ExtendWith(ApplicationExtension.class)
class TeamHistoryPaneTest {
    private final List<String> sql = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private TeamConnection connection;
    private TeamHistoryViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        TeamSettings db = TeamDatabase.newDatabase();
        Path dir = Files.createTempDirectory("purgedeck-team-ui");
        connection = new TeamConnection(db, new TeamPasswords(dir, Map.of(), dir));
        TeamSchema.migrate(connection);
        vm = new TeamHistoryViewModel(new TeamHistory(connection, sql::add), background, Platform::runLater);
        HistoryScopes scopes = new HistoryScopes(new Label("local history"), () -> new TeamHistoryPane(vm,
                ZoneOffset.UTC));
        stage.setScene(new Scene(scopes.root(), 1024, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** A purge as another desktop's shipper would have written it. */
    private void purgedElsewhere(String user, String computer, String target, int secondsAgo) throws Exception {
        try (Connection c = connection.open(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO team_history (id, job_id, purged_at, os_user, computer, profile, kind, target, "
                    + "soft, outcome, http_status, attempts, duration_ms) VALUES (gen_random_uuid(), 'j', now() - "
                    + secondsAgo + " * interval '1 second', '" + user + "', '" + computer + "', 'prod', 'url', '"
                    + target + "', false, 'ok', 200, 1, 3)");
        }
    }

    @Test
    void anotherUsersPurgeAppearsWithTheirNameAndTheFiltersRunInTheDatabase(FxRobot robot) throws Exception {
        purgedElsewhere("alice", "desk-1", "https://shop.example.com/cart", 5);
        purgedElsewhere("dave", "desk-9", "https://shop.example.com/black-friday/shoes", 3);
        purgedElsewhere("dave", "desk-9", "https://shop.example.com/about", 2);
        robot.clickOn("#scopeTeam");
        robot.clickOn("#teamSearch").write("BLACK-friday");
        robot.clickOn("#teamUser").write("dave");
        robot.clickOn("#teamSearchButton");
        TableView<TeamRow> table = robot.lookup("#teamTable").queryTableView();
        Eventually.await(() -> vm.rows().size() == 1 && !vm.busyProperty().get());
        robot.interact(() -> { });
        TeamRow row = table.getItems().get(0);
        assertThat(row.who()).isEqualTo("dave on desk-9");
        assertThat(row.target()).isEqualTo("https://shop.example.com/black-friday/shoes");
        assertThat(robot.lookup("#teamMessage").queryAs(Label.class).getText()).isEqualTo("Team history: rows 1–1");
        // The filters reached the database as SQL, with paging; nothing was filtered in the window.
        assertThat(sql).last().asString().contains("search LIKE ?", "os_user = ?", "ORDER BY purged_at DESC",
                "LIMIT 101 OFFSET 0");

        robot.interact(() -> robot.lookup("#teamUser").queryAs(TextField.class).clear());
        robot.interact(() -> robot.lookup("#teamSearch").queryAs(TextField.class).clear());
        robot.clickOn("#teamSearchButton");
        Eventually.await(() -> vm.rows().size() == 3 && !vm.busyProperty().get());
        assertThat(sql).last().asString().doesNotContain("FROM team_history WHERE");
        assertThat(vm.rows()).extracting(TeamRow::user).containsExactly("dave", "dave", "alice"); // newest first
    }

    @Test
    void pagesComeFromTheDatabaseAndAnOfflineDatabaseIsSaidPlainly() throws Exception {
        try (Connection c = connection.open(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO team_history (id, job_id, purged_at, os_user, kind, target, soft, outcome, "
                    + "http_status, attempts, duration_ms) SELECT gen_random_uuid(), 'j', now() - g * interval "
                    + "'1 second', 'erin', 'url', 'https://x.example/' || g, false, 'ok', 200, 1, 1 "
                    + "FROM generate_series(1, 150) g");
        }
        TeamHistoryViewModel direct = new TeamHistoryViewModel(new TeamHistory(connection, sql::add), Runnable::run,
                Runnable::run);
        direct.search().join();
        assertThat(direct.rows()).hasSize(100);
        assertThat(direct.hasNextProperty().get()).isTrue();
        direct.next().join();
        assertThat(direct.rows()).hasSize(50);
        assertThat(direct.rows().get(49).target()).isEqualTo("https://x.example/150");
        assertThat(sql).last().asString().contains("OFFSET 100");

        TeamSettings s = connection.settings();
        TeamConnection down = new TeamConnection(new TeamSettings(s.host(), 1, s.database(), "", s.user(), "", ""),
                new TeamPasswords(Path.of("/nonexistent-purgedeck"), Map.of(), Path.of("/nonexistent-purgedeck")));
        TeamHistoryViewModel offline = new TeamHistoryViewModel(new TeamHistory(down, null), Runnable::run,
                Runnable::run);
        offline.search().join();
        assertThat(offline.messageProperty().get()).contains("cannot be reached");
    }

    @Test
    void aHeaderClickSortsTheWholeTeamHistoryInTheDatabaseAndPagesFollowOn(FxRobot robot) throws Exception {
        try (Connection c = connection.open(); Statement s = c.createStatement()) {
            // Many equal users: only the tiebreak on id keeps page 2 following on from page 1.
            s.execute("INSERT INTO team_history (id, job_id, purged_at, os_user, kind, target, soft, outcome, "
                    + "http_status, attempts, duration_ms) SELECT gen_random_uuid(), 'j', now() - g * interval "
                    + "'1 second', 'user' || (g % 3), 'url', 'https://x.example/' || g, false, 'ok', 200, 1, 1 "
                    + "FROM generate_series(1, 150) g");
        }
        robot.clickOn("#scopeTeam");
        robot.clickOn("#teamSearchButton");
        Eventually.await(() -> vm.rows().size() == 100 && !vm.busyProperty().get());

        robot.clickOn("#teamColumnWho");
        Eventually.await(() -> !vm.busyProperty().get() && "user0".equals(vm.rows().get(0).user()));
        assertThat(sql).last().asString().contains("ORDER BY os_user ASC NULLS LAST, id ASC", "LIMIT 101 OFFSET 0");
        robot.clickOn("#teamColumnWho");
        Eventually.await(() -> !vm.busyProperty().get() && "user2".equals(vm.rows().get(0).user()));
        assertThat(sql).last().asString().contains("ORDER BY os_user DESC NULLS LAST, id DESC");
        robot.clickOn("#teamOlder");
        Eventually.await(() -> !vm.busyProperty().get() && vm.rows().size() == 50);
        assertThat(sql).last().asString().contains("ORDER BY os_user DESC NULLS LAST, id DESC", "OFFSET 100");

        TeamHistoryViewModel direct = new TeamHistoryViewModel(new TeamHistory(connection, sql::add), Runnable::run,
                Runnable::run);
        direct.sortBy(dev.purgedeck.team.TeamSort.TARGET, true).join();
        List<String> seen = new java.util.ArrayList<>(direct.rows().stream().map(TeamRow::target).toList());
        direct.next().join();
        direct.rows().forEach(r -> seen.add(r.target()));
        assertThat(seen).hasSize(150).doesNotHaveDuplicates().isSorted();
    }
}
