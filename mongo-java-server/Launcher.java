import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.InputStream;

/**
 * Runs an in-memory mongo-java-server for the gateway (see src/db/embedded.ts).
 *
 * Usage: java -cp <classpath> Launcher.java [port]   (port 0 or absent: ephemeral)
 *
 * Contract with the parent: exactly one stdout line, {@code mongodb://127.0.0.1:<port>/}, once the
 * server accepts connections; the server lives until stdin reaches EOF. The parent keeps stdin
 * open as a pipe, so the kernel closes it when the parent dies for any reason (SIGKILL included)
 * and this process cannot outlive it.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;

        // Node driver 6.x refuses servers below wire version 8, i.e. MongoDB 4.2.
        MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        // The oplog backs change streams (collection.watch()).
        server.enableOplog();
        server.bind("127.0.0.1", port);

        System.out.println("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/");
        System.out.flush();

        awaitEndOfInput(System.in);
        server.shutdownNow();
        // Netty's non-daemon threads may linger after shutdown; the parent waits for our exit.
        System.exit(0);
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] discard = new byte[256];
        try {
            while (in.read(discard) != -1) {
                // Input carries no commands; only its end matters.
            }
        } catch (IOException brokenPipe) {
            // A broken pipe means the parent is gone, the same as EOF.
        }
    }
}
