package io.freelance.ledger.standalone.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Counts the TCP connections made to the service's port, from the kernel's socket tables: each
 * connection has its own client port, and a closed one stays listed (TIME_WAIT) for a minute. With
 * keep-alive a scenario opens about one connection per client; without, one per request. Linux only.
 */
final class LoopbackConnections implements AutoCloseable {

    private static final List<Path> SOCKET_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private final int servicePort;
    private final Set<Integer> clientPortsBefore;
    private final Set<Integer> clientPortsSeen = new HashSet<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    /** Starts sampling twice a second, so connections opened and closed in between are seen too. */
    LoopbackConnections(int servicePort) {
        this.servicePort = servicePort;
        this.clientPortsBefore = clientPorts();
        sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    static boolean available() {
        return Files.isReadable(SOCKET_TABLES.get(0));
    }

    /** Connections opened since this counter started. */
    synchronized int opened() {
        sample();
        Set<Integer> opened = new HashSet<>(clientPortsSeen);
        opened.removeAll(clientPortsBefore);
        return opened.size();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private synchronized void sample() {
        clientPortsSeen.addAll(clientPorts());
    }

    /** The other end's port of every socket, listening sockets aside, with the service's port at one end. */
    private Set<Integer> clientPorts() {
        Set<Integer> ports = new HashSet<>();
        for (Path table : SOCKET_TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException notThere) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                int localPort = port(fields[1]);
                int remotePort = port(fields[2]);
                if (localPort == servicePort && remotePort != 0) {
                    ports.add(remotePort);
                } else if (remotePort == servicePort) {
                    ports.add(localPort);
                }
            }
        }
        return ports;
    }

    /** "0100007F:1F90" is 127.0.0.1:8080. */
    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }
}
