package dev.newsroom.embedded.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finding and stopping child processes together with the processes they started. */
public final class ProcessTrees {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessTrees.class);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private ProcessTrees() {
    }

    /**
     * The command line of a process, its arguments separated by spaces.
     *
     * @param pid the process id
     * @return the command line, or an empty string when the process is gone or unreadable
     */
    public static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Asks a process to stop (SIGTERM), waits up to the grace period, then kills it and every
     * process it had started that is still alive (SIGKILL).
     *
     * @param process the process
     * @param grace how long to wait for a clean stop
     * @return true when the process stopped within the grace period
     */
    public static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
        if (!process.isAlive()) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            return true;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            descendants.stream().filter(ProcessHandle::isAlive).forEach(d -> awaitExit(d, grace));
            descendants.forEach(ProcessHandle::destroyForcibly);
            return true;
        }
        LOG.warn("Process {} did not stop within {} s of SIGTERM; killing it and the {} processes it started.",
                process.pid(), grace.toSeconds(), descendants.size());
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(process, AFTER_KILL);
        descendants.forEach(d -> awaitExit(d, AFTER_KILL));
        return false;
    }

    /**
     * Waits for a process to exit.
     *
     * @param process the process
     * @param timeout the longest wait
     * @return true when the process has exited
     */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
