package dev.purgedeck.ui.controls;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;

/**
 * Measures how long pasting keys into a shown {@link KeyTagEditor} takes until the frame showing them is rendered.
 * Not a test (surefire skips *Benchmark): {@code mvn -B -q -Pbench test-compile exec:java
 * -Dexec.mainClass=dev.purgedeck.ui.controls.KeyPasteBenchmark}.
 */
public final class KeyPasteBenchmark {
    private static final long TARGET_MS = 300;
    private static final int WARM_UPS = 3;
    private static final int RUNS = 9;

    private static KeyTagViewModel model;
    private static Scene scene;

    public static void main(String[] args) throws Exception {
        // The same headless setup as the surefire argLine; must be set before the toolkit starts.
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        int exit = 1;
        try {
            onFx(KeyPasteBenchmark::show).get(30, TimeUnit.SECONDS);
            boolean ok = report("10,000 keys (compact list)", measure("", keys(10_000)));
            ok &= report("150 keys (chips)", measure("", keys(150)));
            ok &= report("1 key added beside 199 chips", measure(keys(199), "one-more"));
            System.out.println(ok ? "All medians within target." : "TARGET MISSED: see above.");
            exit = 0;
        } finally {
            Platform.exit();
            System.exit(exit);
        }
    }

    private static void show() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new KeyTagViewModel();
        BorderPane root = new BorderPane(new KeyTagEditor(model));
        root.setStyle("-fx-padding: 16px;"); // benchmark scaffolding
        scene = new Scene(root, 1000, 700);
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
    }

    private static String keys(int n) {
        return IntStream.range(0, n).mapToObj(i -> "product-" + i + "-sku").collect(Collectors.joining("\n"));
    }

    /** Per measured run, milliseconds from the paste to: model and nodes updated, layout done, frame rendered. */
    private static List<double[]> measure(String prefill, String text) throws Exception {
        List<double[]> times = new ArrayList<>();
        for (int i = 0; i < WARM_UPS + RUNS; i++) {
            onFx(() -> model.setAll(KeySplitter.split(prefill))).get();
            nextFrame().get(30, TimeUnit.SECONDS); // start each run from a settled editor
            System.gc();
            Thread.sleep(50);
            long[] phases = pasteAndRender(text).get(60, TimeUnit.SECONDS);
            if (i >= WARM_UPS) {
                times.add(new double[] {phases[0] / 1e6, phases[1] / 1e6, phases[2] / 1e6});
            }
        }
        return times;
    }

    /** Nanoseconds from the paste to: the model and nodes updated, the pulse's layout done, its frame rendered. */
    private static CompletableFuture<long[]> pasteAndRender(String text) {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            model.addText(text);
            long[] t = {System.nanoTime() - start, 0, 0};
            afterNextRender(() -> t[1] = System.nanoTime() - start, () -> {
                t[2] = System.nanoTime() - start;
                done.complete(t);
            });
        });
        return done;
    }

    private static CompletableFuture<Long> nextFrame() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> afterNextRender(() -> { }, () -> done.complete(0L)));
        return done;
    }

    /**
     * Runs {@code laidOut} when the next pulse has done CSS and layout, and {@code then} once that pulse's frame has
     * been drawn: the render thread is a single queue, so a tiny snapshot taken after the pulse (which has handed its
     * frame to that queue) returns only when the frame is done.
     */
    private static void afterNextRender(Runnable laidOut, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            laidOut.run();
            Platform.runLater(() -> {
                new Rectangle(1, 1).snapshot(null, null);
                then.run();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static CompletableFuture<Void> onFx(Runnable r) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private static boolean report(String what, List<double[]> runs) {
        List<Double> total = column(runs, 2);
        double median = total.get(total.size() / 2);
        boolean ok = median <= TARGET_MS;
        System.out.printf(Locale.ROOT, "%-29s paste → rendered frame: min %6.1f  median %6.1f  max %6.1f ms"
                        + "  (%d runs; target: median ≤ %d ms) %s%n", what, total.get(0), median,
                total.get(total.size() - 1), total.size(), TARGET_MS, ok ? "OK" : "MISSED");
        System.out.printf(Locale.ROOT, "%-29s   median phases: model+nodes %.1f ms, +CSS/layout → %.1f ms, +render → %.1f ms%n",
                "", median(column(runs, 0)), median(column(runs, 1)), median);
        return ok;
    }

    private static List<Double> column(List<double[]> runs, int i) {
        List<Double> out = new ArrayList<>();
        runs.forEach(r -> out.add(r[i]));
        Collections.sort(out);
        return out;
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }
}
