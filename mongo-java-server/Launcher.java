import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Runs the embedded mongo-java-server of the gateway (src/db/embedded/java.ts).
 *
 * Usage: java -Xmx… -cp <classpath> Launcher.java [--port N] [--snapshot FILE]
 *
 * Contract with the parent, one line per message on stdout:
 * <ul>
 *   <li>with --snapshot, first one {@code restore …} line: {@code restore ok documents=N collections=N ms=N},
 *       {@code restore none}, or {@code restore failed kept=PATH reason=TEXT} (the server then starts empty);</li>
 *   <li>{@code mongodb://127.0.0.1:<port>/} once the server accepts connections;</li>
 *   <li>for each {@code snapshot} line read on stdin: {@code snapshot ok documents=N bytes=N ms=N} or
 *       {@code snapshot failed reason=TEXT};</li>
 *   <li>every few seconds {@code heap live=N max=N}, see {@link HeapWatch}.</li>
 * </ul>
 * The server lives until stdin reaches EOF. The parent keeps stdin open as a pipe, so the kernel closes it
 * when the parent dies for any reason (SIGKILL included) and this process cannot outlive it.
 *
 * No oplog: nothing reads one (the gateway uses no change streams), and it kept a copy of every write.
 */
public final class Launcher {
    private static final int EVENT_LOOP_THREADS = 64;

    private Launcher() {}

    public static void main(String[] args) throws IOException {
        int port = 0;
        Path snapshotFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--snapshot" -> snapshotFile = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }

        CompactBackend backend = snapshotFile == null ? new CompactBackend() : Snapshots.restoreOrStartEmpty(snapshotFile);
        // Node driver 6.x refuses servers below wire version 8, i.e. MongoDB 4.2.
        MongoServer server = new MongoServer(backend.version(ServerVersion.MONGO_5_0));
        // The server runs each command on its connection's event-loop thread, and a command waiting for a
        // collection lock blocks every connection of that loop. Netty's default (two loops per core) let a
        // few writes queued behind one long scan stall the driver's heartbeats ("server monitor timeout").
        // One loop per pooled connection of the gateway (maxPoolSize 50, plus monitors) avoids that.
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, EVENT_LOOP_THREADS);
        reply("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/");
        HeapWatch.start();

        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = readCommand(commands)) != null) {
            if (command.equals("snapshot") && snapshotFile != null) {
                reply(Snapshots.write(backend, snapshotFile));
            } else if (!command.isEmpty()) {
                reply("unknown command " + command);
            }
        }
        server.shutdownNow();
        // Netty's non-daemon threads may linger after shutdown; the parent waits for our exit.
        System.exit(0);
    }

    /** The next command, or null at EOF; a broken pipe means the parent is gone, the same as EOF. */
    private static String readCommand(BufferedReader commands) {
        try {
            String line = commands.readLine();
            return line == null ? null : line.trim();
        } catch (IOException brokenPipe) {
            return null;
        }
    }

    static synchronized void reply(String line) {
        System.out.println(line);
        System.out.flush();
    }
}

/**
 * Reports how much of the heap the store's data holds, so that the gateway can evict before the JVM runs
 * out (src/domain/traces/trace-capacity.ts). "live" is the least heap in use right after a collection over
 * the last minute: an upper bound of the live data (an old generation not yet collected still holds
 * garbage) that G1's regular mixed collections bring close to it.
 */
final class HeapWatch {
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final long REPORT_EVERY_MS = 2_000;
    private static final Deque<long[]> afterCollections = new ArrayDeque<>();

    private HeapWatch() {}

    static void start() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) emitter.addNotificationListener(HeapWatch::collected, null, null);
        }
        Thread reporter = new Thread(HeapWatch::report, "heap-watch");
        reporter.setDaemon(true);
        reporter.start();
    }

    private static void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        long used = 0;
        for (MemoryUsage usage : info.getMemoryUsageAfterGc().values()) used += usage.getUsed();
        record(System.nanoTime(), used);
    }

    private static synchronized void record(long at, long used) {
        afterCollections.addLast(new long[] {at, used});
        while (afterCollections.size() > 1 && at - afterCollections.peekFirst()[0] > WINDOW_NANOS) afterCollections.removeFirst();
    }

    private static synchronized long live() {
        long least = Long.MAX_VALUE;
        for (long[] sample : afterCollections) least = Math.min(least, sample[1]);
        return least == Long.MAX_VALUE ? Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() : least;
    }

    private static void report() {
        while (true) {
            Launcher.reply("heap live=" + live() + " max=" + Runtime.getRuntime().maxMemory());
            try {
                Thread.sleep(REPORT_EVERY_MS);
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }
}

/**
 * mongo-java-server's memory backend, with collections that store documents compactly (see {@link Compactor}).
 */
final class CompactBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new CompactDatabase(databaseName, getCursorRegistry());
    }

    Set<String> databaseNames() {
        return listDatabaseNames();
    }
}

final class CompactDatabase extends MemoryDatabase {
    CompactDatabase(String databaseName, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new CompactCollection(this, collectionName, options, cursorRegistry);
    }

    /** The user collections of this database, by name (system collections excluded). */
    List<String> collectionNames() {
        List<String> names = new ArrayList<>();
        MongoCollection<?> namespaces = resolveCollection("system.namespaces", false);
        if (namespaces == null) return names;
        String prefix = getDatabaseName() + ".";
        for (Document namespace : namespaces.queryAll()) {
            String name = namespace.get("name").toString().substring(prefix.length());
            if (!name.startsWith("system.")) names.add(name);
        }
        return names;
    }
}

final class CompactCollection extends MemoryCollection {
    /**
     * Set before the first operation that may change a stored document in place (an update, a findAndModify):
     * until then a snapshot can read this collection's documents without its lock.
     */
    private volatile boolean updatedInPlace;

    CompactCollection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    boolean updatedInPlace() {
        return updatedInPlace;
    }

    /**
     * A sorted find with a limit (a page of traces: the newest 21 of tens of thousands) selects the first
     * skip + limit matches and sorts just those, instead of sorting every match, and reads each match's sort
     * values once instead of at every comparison (the server's comparator resolves each field by its path
     * on every call, which made a page of 30,000 traces take 330 ms). Values compare as the server's own
     * sort compares them, ties keep the order in which the documents were met as its stable sort did, and
     * the server then sorts, skips, limits and projects those few as before.
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query, Document orderBy, int skip, int limit,
                                                   int batchSize, Document fieldSelector) {
        long keep = (long) Math.max(0, skip) + limit;
        if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural") || limit <= 0 || keep > Integer.MAX_VALUE) {
            return super.matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        List<String> fields = new ArrayList<>(orderBy.keySet());
        List<ValueComparator> directions = new ArrayList<>();
        for (String field : fields) directions.add(((Number) orderBy.get(field)).intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc());
        Comparator<Ranked> best = (a, b) -> {
            for (int i = 0; i < fields.size(); i++) {
                int order = directions.get(i).compare(a.values[i], b.values[i]);
                if (order != 0) return order;
            }
            return Long.compare(a.seen, b.seen);
        };
        List<Ranked> matches = new ArrayList<>();
        documents.filter(document -> documentMatchesQuery(document, query)).forEach(document -> {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                String field = fields.get(i);
                // A top-level field as the server's path lookup reads it, without splitting the path each time.
                values[i] = field.indexOf('.') < 0 ? document.getOrMissing(field) : Utils.getSubdocumentValueCollectionAware(document, field);
            }
            matches.add(new Ranked(document, values, matches.size()));
        });
        List<Ranked> first = matches.size() > keep ? selectFirst(matches, (int) keep, best) : matches;
        first.sort(best);
        return super.matchDocumentsFromStream(first.stream().map(r -> r.document), query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** The `count` first items in `order`, unsorted: quickselect, about three comparisons per item. */
    private static List<Ranked> selectFirst(List<Ranked> items, int count, Comparator<Ranked> order) {
        int lo = 0;
        int hi = items.size() - 1;
        int target = count - 1;
        while (lo < hi) {
            Ranked pivot = items.get((lo + hi) >>> 1);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (order.compare(items.get(i), pivot) < 0) i++;
                while (order.compare(items.get(j), pivot) > 0) j--;
                if (i <= j) Collections.swap(items, i++, j--);
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else break;
        }
        return new ArrayList<>(items.subList(0, count));
    }

    /** A match with its sort values, and when it was met. */
    private static final class Ranked {
        final Document document;
        final Object[] values;
        final long seen;

        Ranked(Document document, Object[] values, long seen) {
            this.document = document;
            this.values = values;
            this.seen = seen;
        }
    }

    /**
     * Tracking the data size (collStats' size) re-encodes every inserted document and both versions of every
     * updated one as BSON; nothing the gateway runs reads it.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** Set while this thread answers a client's query (handleQuery), as opposed to the server's own reads for a write. */
    private static final ThreadLocal<Boolean> answering = ThreadLocal.withInitial(() -> false);
    /** Set while this thread runs a write that queries first and then changes or removes what it found (findAndModify, delete). */
    private static final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);

    /**
     * A query's documents are encoded into the reply after the collection's lock is released, while an update
     * of another connection changes stored documents in place (it puts the new top-level fields into the stored
     * map): a field added or removed meanwhile threw a ConcurrentModificationException in the encoder, which
     * closed the client's connection. Seen as a rare "connection closed" when two instances swept the same join
     * entries. Queries now answer top-level copies, taken under the lock; nested values need none, since an
     * update replaces them instead of changing them.
     */
    @Override
    public synchronized QueryResult handleQuery(QueryParameters queryParameters) {
        if (writing.get()) return super.handleQuery(queryParameters);
        return flagged(answering, () -> super.handleQuery(queryParameters));
    }

    @Override
    public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
        return flagged(writing, () -> super.deleteDocuments(selector, limit, oplog));
    }

    /** Runs `work` with `flag` set on this thread. */
    private static <T> T flagged(ThreadLocal<Boolean> flag, Supplier<T> work) {
        flag.set(true);
        try {
            return work.get();
        } finally {
            flag.set(false);
        }
    }

    /** Every query result passes here, a client's and a write's; only a client's gets copies (a write changes or removes what it finds). */
    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        if (!answering.get()) return super.createQueryResult(matchedDocuments, batchSize);
        List<Document> copies = new ArrayList<>(matchedDocuments.size());
        for (Document document : matchedDocuments) copies.add(new Document(document));
        return super.createQueryResult(copies, batchSize);
    }

    @Override
    public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean isMulti, boolean isUpsert, Oplog oplog) {
        updatedInPlace = true;
        return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updatedInPlace = true;
        return flagged(writing, () -> super.findAndModify(query));
    }

    /** Every stored document passes here first (inserts, upserts, restores); its indexes are computed after. */
    @Override
    protected Integer addDocumentInternal(Document document) {
        Compactor.compactInPlace(document);
        return super.addDocumentInternal(document);
    }
}

/**
 * Shares what documents repeat. A decoded document holds its own copy of every field name and value, and a
 * span repeats most of them (field names, resource, scope, attribute keys and common attribute values): the
 * copies were most of the ~10 KB a span cost in the heap. Strings and small sub-documents and arrays are
 * replaced by one canonical instance each, found in bounded caches.
 *
 * Sharing is safe because the server never changes a stored value in place: an update computes the new
 * document from a deep copy and puts its top-level values into the stored one, so a shared sub-document or
 * array is only ever read. Canonical keys are order-sensitive lists, so documents with the same fields in
 * another order (which MongoDB treats as different) are never merged.
 */
final class Compactor {
    private static final int MAX_STRINGS = 200_000;
    private static final int MAX_VALUES = 100_000;
    /** Longer strings are mostly unique (ids, messages, stack traces): not worth a cache entry. */
    private static final int MAX_SHARED_STRING_LENGTH = 256;
    /** Larger sub-documents and arrays rarely repeat whole. */
    private static final int MAX_SHARED_ENTRIES = 32;

    private static final Map<String, String> strings = new ConcurrentHashMap<>();
    private static final Map<List<Object>, Object> values = new ConcurrentHashMap<>();

    private Compactor() {}

    static void compactInPlace(Document document) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(document.entrySet());
        document.clear();
        for (Map.Entry<String, Object> entry : entries) document.put(string(entry.getKey()), value(entry.getValue()));
    }

    private static Object value(Object value) {
        if (value instanceof String text) return string(text);
        if (value instanceof Document document) return subDocument(document);
        if (value instanceof List<?> list) return array(list);
        return value;
    }

    private static Object subDocument(Document document) {
        Document compact = new Document();
        List<Object> key = new ArrayList<>(document.size() * 2);
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            String name = string(entry.getKey());
            Object value = value(entry.getValue());
            compact.put(name, value);
            key.add(name);
            key.add(value);
        }
        return document.size() <= MAX_SHARED_ENTRIES ? shared(key, compact) : compact;
    }

    private static Object array(List<?> list) {
        List<Object> compact = new ArrayList<>(list.size());
        for (Object element : list) compact.add(value(element));
        // The key of an array differs from that of a document with the same values by its marker.
        if (list.size() > MAX_SHARED_ENTRIES) return compact;
        List<Object> key = new ArrayList<>(compact.size() + 1);
        key.add(ArrayMarker.INSTANCE);
        key.addAll(compact);
        return shared(key, compact);
    }

    private static Object shared(List<Object> key, Object candidate) {
        if (values.size() >= MAX_VALUES) values.clear();
        Object existing = values.putIfAbsent(key, candidate);
        return existing == null ? candidate : existing;
    }

    private static String string(String text) {
        if (text.length() > MAX_SHARED_STRING_LENGTH) return text;
        if (strings.size() >= MAX_STRINGS) strings.clear();
        String existing = strings.putIfAbsent(text, text);
        return existing == null ? text : existing;
    }

    private enum ArrayMarker {
        INSTANCE
    }
}

/**
 * Snapshots of the whole store: gzip of "MESHSNAP", a version, then per collection a 'C' record (database,
 * collection) followed by one 'D' record (length, BSON) per document, and a final 'Z' record with the number of
 * documents. Written beside the target and renamed over it once complete and on disk, so the file is always a
 * whole snapshot; gzip's CRC and the 'Z' count catch a damaged one.
 */
final class Snapshots {
    private static final byte[] MAGIC = "MESHSNAP".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int BUFFER = 1 << 16;
    /** Documents encoded per hold of a collection's lock, so that writes to it wait at most that long. */
    private static final int DOCUMENTS_PER_BATCH = 1_000;
    private static final int MAX_DOCUMENT_BYTES = 48 * 1024 * 1024;

    private Snapshots() {}

    static CompactBackend restoreOrStartEmpty(Path file) throws IOException {
        Files.deleteIfExists(partialOf(file));
        if (!Files.exists(file)) {
            Launcher.reply("restore none");
            return new CompactBackend();
        }
        long started = System.nanoTime();
        CompactBackend backend = new CompactBackend();
        try {
            long[] counts = read(backend, file);
            Launcher.reply("restore ok documents=" + counts[0] + " collections=" + counts[1] + " ms=" + elapsedMs(started));
            return backend;
        } catch (IOException | RuntimeException damaged) {
            Path kept = file.resolveSibling(file.getFileName() + ".bad");
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
            Launcher.reply("restore failed kept=" + kept + " reason=" + oneLine(damaged));
            return new CompactBackend();
        }
    }

    private static long[] read(CompactBackend backend, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), BUFFER), BUFFER))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw new IOException("not a snapshot file");
            int version = in.readInt();
            if (version != VERSION) throw new IOException("snapshot version " + version + ", expected " + VERSION);
            long documents = 0;
            long collections = 0;
            MongoCollection<?> collection = null;
            while (true) {
                int tag = in.readByte();
                if (tag == 'C') {
                    MongoDatabase database = backend.resolveDatabase(in.readUTF());
                    String name = in.readUTF();
                    collection = database.resolveCollection(name, false);
                    if (collection == null) collection = database.createCollectionOrThrowIfExists(name);
                    collections++;
                } else if (tag == 'D' && collection != null) {
                    int length = in.readInt();
                    if (length < 5 || length > MAX_DOCUMENT_BYTES) throw new IOException("document of " + length + " bytes");
                    byte[] bson = new byte[length];
                    in.readFully(bson);
                    collection.addDocument(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)));
                    documents++;
                } else if (tag == 'Z') {
                    long expected = in.readLong();
                    if (expected != documents) throw new IOException("snapshot lists " + expected + " documents, holds " + documents);
                    // Reading past the end makes GZIPInputStream check the CRC and length of everything read.
                    if (in.read() != -1) throw new IOException("data after the end of the snapshot");
                    return new long[] {documents, collections};
                } else {
                    throw new IOException("unexpected record '" + (char) tag + "'");
                }
            }
        } catch (EOFException truncated) {
            throw new IOException("truncated", truncated);
        }
    }

    static String write(CompactBackend backend, Path file) {
        long started = System.nanoTime();
        Path partial = partialOf(file);
        try {
            Files.createDirectories(file.getParent());
            long documents;
            try (FileOutputStream out = new FileOutputStream(partial.toFile())) {
                BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
                FastGzip gzip = new FastGzip(buffered);
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip, BUFFER));
                documents = writeAll(backend, data);
                data.flush();
                gzip.finish();
                buffered.flush();
                // On disk before the rename, so the rename never publishes a file a power cut could leave empty.
                out.getChannel().force(true);
            }
            long bytes = Files.size(partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(file.getParent());
            return "snapshot ok documents=" + documents + " bytes=" + bytes + " ms=" + elapsedMs(started);
        } catch (IOException | RuntimeException failure) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The next snapshot or start removes it.
            }
            return "snapshot failed reason=" + oneLine(failure);
        }
    }

    private static long writeAll(CompactBackend backend, DataOutputStream out) throws IOException {
        out.write(MAGIC);
        out.writeInt(VERSION);
        long documents = 0;
        ByteBuf buffer = Unpooled.buffer(BUFFER);
        try {
            for (String databaseName : List.copyOf(backend.databaseNames())) {
                if (!(backend.resolveDatabase(databaseName) instanceof CompactDatabase database)) continue;
                for (String name : database.collectionNames()) {
                    MongoCollection<?> collection = database.resolveCollection(name, false);
                    if (collection == null) continue;
                    out.writeByte('C');
                    out.writeUTF(databaseName);
                    out.writeUTF(name);
                    documents += writeCollection(collection, out, buffer);
                }
            }
        } finally {
            buffer.release();
        }
        out.writeByte('Z');
        out.writeLong(documents);
        return documents;
    }

    /**
     * Each document is encoded whole, never while the server changes it: under the collection's lock, in
     * batches so that writers are not held up for the whole collection, or without the lock for as long as
     * the collection has seen no update that changes documents in place (the spans: inserted, deleted, never
     * updated), which a batch confirms after it is encoded. A periodic snapshot is therefore consistent per
     * document, not across documents; the one taken at shutdown runs after the gateway has drained.
     */
    private static long writeCollection(MongoCollection<?> collection, DataOutputStream out, ByteBuf buffer) throws IOException {
        List<Document> all = new ArrayList<>();
        collection.queryAll().forEach(all::add);
        long written = 0;
        for (int from = 0; from < all.size(); from += DOCUMENTS_PER_BATCH) {
            List<Document> batch = all.subList(from, Math.min(all.size(), from + DOCUMENTS_PER_BATCH));
            List<byte[]> encoded = null;
            if (collection instanceof CompactCollection compact && !compact.updatedInPlace()) {
                encoded = encode(batch, buffer);
                if (compact.updatedInPlace()) encoded = null;
            }
            if (encoded == null) {
                synchronized (collection) {
                    encoded = encode(batch, buffer);
                }
            }
            for (byte[] bson : encoded) {
                out.writeByte('D');
                out.writeInt(bson.length);
                out.write(bson);
                written++;
            }
        }
        return written;
    }

    private static List<byte[]> encode(List<Document> documents, ByteBuf buffer) {
        List<byte[]> encoded = new ArrayList<>(documents.size());
        for (Document document : documents) {
            buffer.clear();
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bson = new byte[buffer.readableBytes()];
            buffer.readBytes(bson);
            encoded.add(bson);
        }
        return encoded;
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            // Not every file system lets a directory be synced; the rename itself is still atomic.
        }
    }

    private static Path partialOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getClass().getSimpleName() + ": " + error.getMessage();
        return message.replace('\n', ' ');
    }

    /** Deflate at its fastest level: a snapshot is written every few minutes and must not hog the store's CPU. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
