package io.leadgate.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;

/** What the test helpers that run a child JVM ({@link KafkaBroker}, {@link Replica}) need around it. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** A port free at this moment; a child that finds it taken before it binds must be started again. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a child's working directory and all below it. */
    static void deleteTree(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteTree(child);
            }
        }
        file.delete();
    }
}
