package dev.purgedeck.ui.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;

/** The scrolling chip area: one {@link KeyChip} per entry, kept in step with the model change by change. */
final class KeyChipArea extends ScrollPane {
    private final FlowPane chips = new FlowPane();
    private final Consumer<KeyEntry> onRemove;

    KeyChipArea(Consumer<KeyEntry> onRemove) {
        this.onRemove = onRemove;
        setId("keyChipScroll");
        getStyleClass().add("key-chip-scroll");
        chips.setId("keyChips");
        chips.getStyleClass().add("key-chips");
        setContent(chips);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
    }

    FlowPane chips() {
        return chips;
    }

    void rebuild(List<? extends KeyEntry> entries) {
        chips.getChildren().setAll(chipsFor(entries));
    }

    void clear() {
        chips.getChildren().clear();
    }

    /** Mirrors one model change; only the touched chips are created or dropped, never all of them. */
    void apply(ListChangeListener.Change<? extends KeyEntry> c) {
        boolean added = false;
        while (c.next()) {
            if (c.wasPermutated() || c.wasUpdated()) {
                rebuild(c.getList());
                return;
            }
            if (c.wasRemoved()) {
                chips.getChildren().remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
            }
            if (c.wasAdded()) {
                chips.getChildren().addAll(c.getFrom(), chipsFor(c.getAddedSubList()));
                added = true;
            }
        }
        if (added) {
            setVvalue(getVmax()); // new keys arrive at the end: keep them in sight
        }
    }

    /** The chip at {@code index}, clamped to the last one; null when there are none. */
    KeyChip chipNear(int index) {
        List<Node> nodes = chips.getChildren();
        return nodes.isEmpty() ? null : (KeyChip) nodes.get(Math.min(index, nodes.size() - 1));
    }

    int indexOf(KeyEntry entry) {
        List<Node> nodes = chips.getChildren();
        for (int i = 0; i < nodes.size(); i++) {
            if (entry.equals(nodes.get(i).getUserData())) {
                return i;
            }
        }
        return -1;
    }

    private List<KeyChip> chipsFor(List<? extends KeyEntry> entries) {
        List<KeyChip> out = new ArrayList<>(entries.size());
        for (KeyEntry e : entries) {
            KeyChip chip = new KeyChip(e, onRemove);
            // A ScrollPane does not follow keyboard focus by itself; Tab through many chips must stay visible.
            chip.removeButton().focusedProperty().addListener((o, was, is) -> {
                if (is) {
                    scrollTo(chip);
                }
            });
            out.add(chip);
        }
        return out;
    }

    private void scrollTo(Node chip) {
        double contentHeight = chips.getHeight();
        double viewport = getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        Bounds b = chip.getBoundsInParent();
        double top = (contentHeight - viewport) * getVvalue();
        if (b.getMinY() < top) {
            setVvalue(b.getMinY() / (contentHeight - viewport));
        } else if (b.getMaxY() > top + viewport) {
            setVvalue((b.getMaxY() - viewport) / (contentHeight - viewport));
        }
    }
}
