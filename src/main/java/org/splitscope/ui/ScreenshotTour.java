package org.splitscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.export.PngWriter;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.RecentFiles;
import org.splitscope.ui.service.PlayClock;
import org.splitscope.ui.service.SimService;
import org.splitscope.ui.service.SimThread;

/**
 * Makes the README's screenshots from the real app: opens the main window, drives it through a few
 * states with the same model commands the toolbar uses, and writes each window as a PNG.
 * Run it with {@code java -jar target/splitscope.jar screenshots --out assets/screenshots} on a
 * display (under {@code xvfb-run} on a server).
 *
 * <p>Threading: the caller's thread waits; the window and (same-thread) simulation run on the FX thread.
 */
final class ScreenshotTour {
    /** One screenshot: its file name, what to do to the app before taking it, and its window (null: the main one). */
    record Shot(String file, Consumer<Stage> setup, java.util.function.Supplier<Scene> window) {
        Shot(String file, Consumer<Stage> setup) {
            this(file, setup, null);
        }
    }

    private AppModel vm;
    private MainView view;
    private Stage stage;

    private ScreenshotTour() {
    }

    /** Writes the screenshots to {@code dir} (created if missing) and returns their paths. */
    static List<Path> write(Path dir, int width, int height) throws IOException {
        Files.createDirectories(dir);
        AppLauncher.startToolkit();
        ScreenshotTour tour = new ScreenshotTour();
        List<Path> written = new ArrayList<>();
        try {
            onFx(() -> tour.open(width, height));
            for (Shot shot : tour.shots()) {
                onFx(() -> {
                    shot.setup().accept(tour.stage);
                    return null;
                });
                tour.settle();
                Path out = dir.resolve(shot.file());
                int[] size = new int[2];
                int[] px = onFx(() -> tour.pixels(size, shot.window() == null ? tour.stage.getScene() : shot.window().get()));
                PngWriter.write(px, size[0], size[1], out);
                written.add(out);
            }
        } finally {
            onFx(() -> {
                tour.vm.shutdown();
                tour.stage.close();
                return null;
            });
            Platform.exit();
        }
        return written;
    }

    private Void open(int width, int height) {
        // The same-thread executor: each command has finished when the call returns, so a shot shows
        // exactly the state its setup asked for.
        vm = new AppModel(new SimService(SimThread.sameThread(), fxClock(), HistoryBudget.DEFAULT),
                RecentFiles.inMemory());
        stage = new Stage();
        view = new MainView(vm, stage, new FxDialogs(stage));
        Scene scene = new Scene(view.root(), width, height);
        MainView.applyTheme(scene, false);
        view.installKeys(scene);
        stage.setScene(scene);
        stage.show();
        return null;
    }

    /**
     * The wall clock, waking its sleepers on the FX thread: with the same-thread service a glide frame
     * (follow the action) then runs where every other command runs.
     */
    private static PlayClock fxClock() {
        PlayClock wall = PlayClock.system();
        return new PlayClock() {
            @Override
            public long nanoTime() {
                return wall.nanoTime();
            }

            @Override
            public void after(long delayNanos, Runnable wake) {
                wall.after(delayNanos, () -> Platform.runLater(wake));
            }

            @Override
            public void close() {
                wall.close();
            }
        };
    }

    /** Presentation mode in the window as it is (a screenshot is of the window, not of a whole screen). */
    private void present(Stage s, boolean on) {
        if (vm.present().presentingProperty().get() != on) {
            vm.present().toggle();
        }
        s.setFullScreen(false);
        if (view.presentation.presenter() != null) {
            view.presentation.presenter().hide();
        }
    }

    private List<Shot> shots() {
        List<Shot> shots = new ArrayList<>(List.of(
                new Shot("overlap-crash.png", s -> {
                    vm.map().setDark(false);
                    vm.navigation().openBuiltin("overlap-crash");
                    vm.navigation().runToBreakpoint("rmp-fault", true);
                    vm.map().zoomTo(0x20000, 0x20200);
                    vm.map().selectFrames(0x20001, 0x20002);
                    view.bottomTabs.getSelectionModel().select(0);
                }),
                new Shot("overlap-crash-split-on-demand.png", s -> {
                    vm.navigation().switchPolicy("split-on-demand");
                    vm.map().selectFrames(0x20005, 0x20006);
                }),
                new Shot("stale-tlb.png", s -> {
                    vm.navigation().openBuiltin("stale-tlb");
                    vm.navigation().toEnd();
                    vm.map().zoomTo(0x30000, 0x30200);
                    vm.map().selectFrames(0x30010, 0x30011);
                }),
                new Shot("review-compare.png", s -> {
                    vm.map().setDark(false);
                    vm.navigation().openBuiltin("review");
                    vm.navigation().seek(3000);
                    vm.map().zoomTo(0x1e0000, 0x200000);
                }),
                new Shot("multi-guest-dark.png", s -> {
                    vm.map().setDark(true);
                    vm.navigation().openBuiltin("multi-guest");
                    vm.navigation().seek(vm.applied().run().totalSteps() / 2);
                    view.dock.bottomShownProperty().set(true);
                    view.bottomTabs.getSelectionModel().select(1);
                }),
                // R28: a 2M folio's leaf made not present in place, at the stray read that faults on it
                new Shot("gmem-2m-not-present.png", s -> {
                    vm.map().setDark(false);
                    vm.navigation().openBuiltin("gmem-2m");
                    vm.map().stopCompare();
                    vm.navigation().runToBreakpoint("np-fault", true);
                    vm.map().zoomTo(0x3c000, 0x3c200);
                    vm.map().selectFrames(0x3c010, 0x3c011);
                    view.bottomTabs.getSelectionModel().select(0);
                }),
                // a host recording replayed on 6.8: the mismatch of trace line 21, chosen in the event log
                new Shot("replay-what-if.png", s -> {
                    vm.navigation().openBuiltin("snp-host-split-on-demand");
                    vm.navigation().switchKernel("6.8");
                    vm.navigation().toEnd();
                    vm.replay().goTo(vm.replay().mismatches().get(1));
                    vm.map().zoomTo(0x1c5e00, 0x1c6000);
                    vm.map().selectFrames(0x1c5e00, 0x1c5e01);
                    view.bottomTabs.getSelectionModel().select(0);
                })));
        shots.addAll(PresentShots.shots(vm, view, this::present));
        return shots;
    }

    private int[] pixels(int[] size, Scene scene) {
        WritableImage img = scene.snapshot(null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        size[0] = w;
        size[1] = h;
        return px;
    }

    /** Lets a few pulses lay out the window and the heat map render at its new size. */
    private void settle() {
        for (int i = 0; i < 9; i++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // a pulse after a quiet second: the status bar says the view is idle, as it is
            onFx(() -> {
                vm.pulse();
                return null;
            });
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return await(f);
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the app did not answer within 60 s");
        }
    }
}
