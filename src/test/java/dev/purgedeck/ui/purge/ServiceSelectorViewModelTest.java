package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.files.Json;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.DemoService;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.settings.Pref;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.ScriptedDialogs;
import dev.purgedeck.testsupport.UiQueue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service chooser without the toolkit, listing the sandbox's services over HTTP. */
class ServiceSelectorViewModelTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final UiQueue fx = new UiQueue();
    private final RememberedState prefs = RememberedState.inMemory(Json.newMapper());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private ServiceSelectorViewModel loaded(String token, Optional<String> preferred, boolean chooseFirst) {
        ServiceSelectorViewModel m = new ServiceSelectorViewModel(Clients.client(SANDBOX.server().baseUri(), token,
                Clients.FAST_RETRY), fx, prefs, preferred, chooseFirst, dialogs);
        m.load();
        assertThat(m.loadingProperty().get()).isTrue();
        assertThat(m.statusProperty().get()).isEqualTo("Loading services…");
        fx.runUntil(() -> !m.loadingProperty().get());
        return m;
    }

    private List<String> names() {
        return SANDBOX.server().account().services().stream().map(DemoService::name).toList();
    }

    @Test
    void listsEveryServiceAndFiltersByNameOrId() {
        ServiceSelectorViewModel m = loaded(DemoAccount.GLOBAL_TOKEN, Optional.empty(), false);
        assertThat(m.statusProperty().get()).isEqualTo("5 services");
        assertThat(m.services()).extracting(ServiceInfo::name).containsExactlyElementsOf(names());
        // A real account never gets a guessed service.
        assertThat(m.serviceIdProperty().get()).isNull();
        assertThat(m.choiceProperty().get()).isEqualTo("No service chosen");
        String shop = SANDBOX.server().account().services().get(2).id();
        m.filterTextProperty().set(shop.substring(0, 8).toLowerCase());
        assertThat(m.filteredServices()).extracting(ServiceInfo::id).containsExactly(shop);
        m.filterTextProperty().set("");
        assertThat(m.filteredServices()).hasSize(5);
    }

    @Test
    void theChoiceIsRememberedAndRestoredOnTheNextStart() {
        ServiceSelectorViewModel first = loaded(DemoAccount.GLOBAL_TOKEN, Optional.empty(), false);
        ServiceInfo third = first.services().get(3);
        first.select(third);
        assertThat(prefs.get(Pref.LAST_SERVICE_ID)).isEqualTo(third.id());
        ServiceSelectorViewModel again = loaded(DemoAccount.GLOBAL_TOKEN, Optional.empty(), false);
        assertThat(again.serviceIdProperty().get()).isEqualTo(third.id());
        assertThat(again.confirmationWord()).isEqualTo(third.name());
    }

    @Test
    void theSandboxChoosesItsFirstServiceSoAFirstPurgeWorks() {
        ServiceSelectorViewModel m = loaded(DemoAccount.GLOBAL_TOKEN, Optional.empty(), true);
        assertThat(m.serviceIdProperty().get()).isEqualTo(SANDBOX.service());
    }

    @Test
    void aFailedListStillTakesATypedIdAndSaysWhy() {
        SANDBOX.server().setFaults(FaultSettings.none().withErrorRate(1.0, 500));
        String wanted = SANDBOX.service();
        ServiceSelectorViewModel m = loaded(DemoAccount.GLOBAL_TOKEN, Optional.of(wanted), false);
        assertThat(m.statusProperty().get()).endsWith("You can still type a service ID above.");
        // The wanted service is typed in for the user, so purging it still works.
        assertThat(m.filterTextProperty().get()).isEqualTo(wanted);
        assertThat(m.serviceIdProperty().get()).isEqualTo(wanted);
        assertThat(m.isTypedId()).isTrue();
        m.filterTextProperty().set("not an id");
        assertThat(m.serviceIdProperty().get()).isNull();
    }

    @Test
    void aTokenThatMayNotListShowsTheNamedIdsInstead() {
        ServiceSelectorViewModel m = loaded(DemoAccount.PURGE_SELECT_TOKEN, Optional.empty(), false);
        String id = SANDBOX.service();
        m.refuseListing("Listing is not allowed.");
        assertThat(m.services()).isEmpty();
        m.filterTextProperty().set(id);
        m.nameTypedService(); // cancelled: nothing is remembered
        assertThat(m.services()).isEmpty();
        dialogs.textAnswer = "  My site ";
        m.nameTypedService();
        assertThat(dialogs.asked).containsExactly("ask: Name this service", "ask: Name this service");
        assertThat(m.services()).extracting(ServiceInfo::name).containsExactly("My site");
        assertThat(m.serviceIdProperty().get()).isEqualTo(id);
        SANDBOX.server().requests().clear();
        m.load();
        fx.drain();
        // Refused once, never asked again: the remembered names come back without a request.
        assertThat(SANDBOX.server().requests().count()).isZero();
        assertThat(m.services()).extracting(ServiceInfo::id).containsExactly(id);
        assertThat(m.statusProperty().get()).startsWith("Listing is not allowed.");
    }
}
