package io.ticketchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the run ran on, from /proc and the JVM. */
record Machine(int cpus, String cpuModel, long memoryMib, String jdk, String loadAverage) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), firstValue("/proc/cpuinfo", "model name"),
                parseKib(firstValue("/proc/meminfo", "MemTotal")) >> 10,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), currentLoadAverage());
    }

    static String currentLoadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long parseKib(String value) {
        String digits = value.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
