package dev.purgedeck.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What labeled controls draw, for the tests that no text is cut at the smallest window: a control whose drawn text
 * is not its text shows an ellipsis where the rest did not fit.
 */
public final class DrawnText {
    private DrawnText() {
    }

    /** Every visible labeled node outside table and list cells whose drawn text is not its text. */
    public static List<String> cut(Node root) {
        List<String> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    /**
     * What stays cut under {@code root} once its layout has settled: a text laid out before the last resize or mode
     * change may be redrawn whole on the next pulse, so this waits up to 5 s for that pulse; a real cut stays.
     */
    public static List<String> cutOnceSettled(Supplier<Node> root) {
        List<String> found = new ArrayList<>();
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                List<String> now = WaitForAsyncUtils.asyncFx(() -> cut(root.get())).get();
                found.clear();
                found.addAll(now);
                return now.isEmpty();
            });
        } catch (TimeoutException stillCut) {
            // the caller's assertion reports what is cut
        }
        return found;
    }

    /**
     * The text a labeled control draws for its own text: the first {@code .text} node whose nearest labeled ancestor
     * is the control (a titled pane's content and graphic hold labels of their own); null when it draws none.
     */
    public static Text ownText(Labeled l) {
        for (Node t : l.lookupAll(".text")) {
            Node up = t.getParent();
            while (up != null && !(up instanceof Labeled)) {
                up = up.getParent();
            }
            if (t instanceof Text text && up == l && t.getClass().getSimpleName().equals("LabeledText")) {
                return text;
            }
        }
        return null;
    }

    private static void collect(Node n, List<String> found) {
        if (!n.isVisible() || n instanceof Cell<?>) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()
                && ownText(l) != null && !ownText(l).getText().equals(l.getText())) {
            found.add((l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + " '" + l.getText()
                    + "' drawn as '" + ownText(l).getText() + "'");
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, found));
        }
    }
}
