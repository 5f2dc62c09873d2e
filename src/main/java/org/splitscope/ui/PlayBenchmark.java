package org.splitscope.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.ui.model.AppModel;
import org.splitscope.ui.model.RecentFiles;
import org.splitscope.ui.service.PlayClock;
import org.splitscope.ui.service.SimService;
import org.splitscope.ui.service.SimThread;

/**
 * Measures play in the real window: the app's own main view, background simulation thread and
 * pulse loop, at a given speed, for a given time. Reports the steps per second the run advanced, the
 * frames per second the heat map was redrawn (snapshots applied on the FX thread), the pulses per
 * second JavaFX ran, and the longest gap between two redraws. Needs a display ({@code xvfb-run}).
 *
 * <p>Threading: the caller's thread waits; the window lives on the FX thread.
 */
final class PlayBenchmark {
    private PlayBenchmark() {
    }

    private static final class Counters {
        volatile long frames;
        volatile long pulses;
        volatile long lastFrameNs;
        volatile long maxGapNs;
        volatile boolean measuring;
    }

    /** Plays {@code scenario} at {@code speed} steps/s (0 = as fast as possible) for {@code seconds}. */
    static Map<String, Object> run(String scenario, String policy, double speed, double seconds, int width,
                                          int height) throws Exception {
        AppLauncher.startToolkit();
        Counters c = new Counters();
        String[] failure = new String[1];
        AppModel[] vmRef = new AppModel[1];
        Stage[] stageRef = new Stage[1];
        AnimationTimer[] timer = new AnimationTimer[1];
        fx(() -> {
            AppModel vm = new AppModel(new SimService(SimThread.background(), PlayClock.system(), HistoryBudget.DEFAULT),
                    RecentFiles.inMemory());
            Stage stage = new Stage();
            MainView view = new MainView(vm, stage, new FxDialogs(stage));
            vm.setOnError(b -> {
                if (failure[0] == null) {
                    failure[0] = b;
                }
            });
            Scene scene = new Scene(view.root(), width, height);
            MainView.applyTheme(scene, false);
            stage.setScene(scene);
            stage.show();
            vm.map().frameProperty().addListener((o, a, b) -> {
                long now = System.nanoTime();
                if (c.measuring) {
                    c.frames++;
                    if (c.lastFrameNs != 0) {
                        c.maxGapNs = Math.max(c.maxGapNs, now - c.lastFrameNs);
                    }
                }
                c.lastFrameNs = now;
            });
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (c.measuring) {
                        c.pulses++;
                    }
                    vm.pulse();
                }
            };
            timer[0].start();
            if (org.splitscope.scenario.BuiltinScenarios.names().contains(scenario)) {
                vm.navigation().openBuiltin(scenario);
            } else {
                vm.navigation().openFile(java.nio.file.Path.of(scenario));
            }
            if (policy != null) {
                vm.navigation().switchPolicy(policy);
            }
            vmRef[0] = vm;
            stageRef[0] = stage;
        });
        AppModel vm = vmRef[0];
        try {
            waitFor(() -> {
                if (failure[0] != null) {
                    throw new IllegalStateException(failure[0]);
                }
                return vm.applied() != null && vm.busyTextProperty().get() == null
                    && (policy == null || policy.equals(vm.applied().run().policy()));
            }, 300_000, "the scenario did not load within 5 minutes");
            Thread.sleep(500);                                      // let the window settle at its size
            long[] cpu0 = threadCpu();
            fx(() -> {
                vm.navigation().setSpeed(speed);
                c.lastFrameNs = 0;
                c.measuring = true;
                vm.navigation().play();
            });
            long startStep = fxLong(() -> vm.applied().position().step());
            long t0 = System.nanoTime();
            long deadline = t0 + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline && (fxGet(() -> vm.navigation().playingProperty().get())
                    || System.nanoTime() - t0 < 1_000_000_000L)) {
                Thread.sleep(20);
            }
            long[] end = new long[2];
            fx(() -> {
                c.measuring = false;
                vm.navigation().pause();
                end[0] = vm.applied().position().step();
                end[1] = vm.applied().run().totalSteps();
            });
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long[] cpu1 = threadCpu();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("scenario", scenario);
            r.put("policy", fxGetString(() -> vm.applied().run().policy()));
            r.put("speed_steps_per_s", speed);
            r.put("seconds", round(elapsed));
            r.put("steps", end[0] - startStep);
            r.put("steps_per_s", round((end[0] - startStep) / elapsed));
            r.put("view_fps", round(c.frames / elapsed));
            r.put("pulses_per_s", round(c.pulses / elapsed));
            r.put("max_frame_gap_ms", round(c.maxGapNs / 1e6));
            // CPU time per second of play, per thread: what play costs, whatever else the machine runs
            r.put("fx_thread_cpu_percent", round((cpu1[0] - cpu0[0]) / 1e7 / elapsed));
            r.put("render_thread_cpu_percent", round((cpu1[1] - cpu0[1]) / 1e7 / elapsed));
            r.put("sim_thread_cpu_percent", round((cpu1[2] - cpu0[2]) / 1e7 / elapsed));
            r.put("fx_cpu_ms_per_frame", c.frames == 0 ? 0 : round((cpu1[0] - cpu0[0]) / 1e6 / c.frames));
            r.put("reached_end", end[0] >= end[1]);
            r.put("width", width);
            r.put("height", height);
            return r;
        } finally {
            fx(() -> {
                timer[0].stop();
                vm.shutdown();
                stageRef[0].close();
            });
            Platform.exit();
        }
    }

    /** CPU time so far of the FX, render and simulation threads (-1 where the JVM cannot tell). */
    private static long[] threadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] out = {-1, -1, -1};
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            int i = n.equals("JavaFX Application Thread") || n.equals("GtkNativeMainLoopThread") ? 0
                    : n.startsWith("QuantumRenderer") ? 1 : n.equals("splitscope-sim") ? 2 : -1;
            if (i >= 0 && mx.isThreadCpuTimeSupported()) {
                out[i] = Math.max(out[i], 0) + mx.getThreadCpuTime(t.threadId());
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void waitFor(java.util.function.BooleanSupplier cond, long ms, String what) throws Exception {
        long until = System.currentTimeMillis() + ms;
        while (!fxGet(cond)) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException(what);
            }
            Thread.sleep(50);
        }
    }

    private static boolean fxGet(java.util.function.BooleanSupplier cond) throws Exception {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(cond.getAsBoolean());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static long fxLong(java.util.function.LongSupplier v) throws Exception {
        long[] out = new long[1];
        fx(() -> out[0] = v.getAsLong());
        return out[0];
    }

    private static String fxGetString(java.util.function.Supplier<String> v) throws Exception {
        String[] out = new String[1];
        fx(() -> out[0] = v.get());
        return out[0];
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        f.get(60, TimeUnit.SECONDS);
    }
}
