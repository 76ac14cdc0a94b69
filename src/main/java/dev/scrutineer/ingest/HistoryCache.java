package dev.scrutineer.ingest;

import dev.scrutineer.ingest.CommitEdits.FileEdits;
import dev.scrutineer.ingest.CommitEdits.Kind;
import dev.scrutineer.ingest.CommitEdits.Source;
import dev.scrutineer.model.BlamedLine;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Person;
import dev.scrutineer.store.KeyedFiles;
import dev.scrutineer.store.SqliteRows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Mined commits, their line edits and blame results in an embedded SQLite file, keyed by commit id.
 * Both are pure functions of the commit (its id fixes its content and its ancestors), so a later
 * run mines only the commits it has not seen, in this repository or a clone of it. Rows of another
 * format {@link #VERSION} are deleted on open. Like the facts cache, it never fails its caller: one
 * that cannot be used is switched off with one diagnostic and everything is mined again.
 *
 * <p>Safe to use from several threads.
 */
public final class HistoryCache implements AutoCloseable {
  /** Bumped whenever mining, blaming or the encoding below changes what a row means. */
  static final int VERSION = 2;

  /** Histories kept whole; each is tens of megabytes for a large repository. */
  static final int HISTORIES_KEPT = 3;

  private final Path file;

  /** The tables of commits, edits and blames; none when there is no cache. */
  private final Optional<SqliteRows> rows;

  private String storeProblem;

  /** Whole histories, beside the database, in {@code histories/}. */
  private final Optional<KeyedFiles> histories;

  private HistoryCache(Path file, Optional<SqliteRows> rows) {
    this.file = file;
    this.rows = rows;
    this.histories =
        Optional.ofNullable(file)
            .map(
                f ->
                    new KeyedFiles(
                        f.toAbsolutePath().getParent().resolve("histories"),
                        ".history",
                        HISTORIES_KEPT));
  }

  /** No cache: everything is mined every time. */
  public static HistoryCache none() {
    return new HistoryCache(null, Optional.empty());
  }

  /**
   * {@code history.db} in {@code directory} when given, else in {@code $SCRUTINEER_CACHE}, {@code
   * $XDG_CACHE_HOME/scrutineer} or {@code ~/.cache/scrutineer}, the facts cache's directory.
   */
  public static HistoryCache open(Optional<Path> directory) {
    return openFile(directory.orElseGet(() -> defaultDirectory(System.getenv())).resolve(FILE));
  }

  static final String FILE = "history.db";

  static Path defaultDirectory(Map<String, String> env) {
    String dir = env.get("SCRUTINEER_CACHE");
    if (dir != null && !dir.isBlank()) {
      return Paths.get(dir);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Paths.get(xdg, "scrutineer");
    }
    return Paths.get(System.getProperty("user.home"), ".cache", "scrutineer");
  }

  /** The cache in {@code file}, created when missing. */
  public static HistoryCache openFile(Path file) {
    return new HistoryCache(
        file, Optional.of(SqliteRows.open(file, VERSION, "id", "commits", "edits", "blames")));
  }

  /** What went wrong with the cache, at most one entry; empty while it works. */
  public synchronized List<Diagnostic> diagnostics() {
    Optional<String> unusable =
        rows.flatMap(r -> r.unusable("the history cache", "all history was mined again"));
    return unusable.or(() -> Optional.ofNullable(storeProblem)).map(Diagnostic::warning).stream()
        .toList();
  }

  /**
   * The whole history read from {@code tip}, when it was stored by {@link #storeHistory}; empty
   * when it was not, or cannot be read.
   */
  synchronized Optional<List<HistoryCommit>> history(String tip) {
    if (histories.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<ByteBuffer> bytes = histories.get().read(tip);
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      StoredHistory stored = StoredHistory.decode(bytes.get());
      return stored.tip().equals(tip) ? Optional.of(stored.commits()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // damaged or of another version: read again, and stored again
    }
  }

  /** Stores the whole history read from {@code tip}, dropping the least recently used. */
  synchronized void storeHistory(String tip, List<HistoryCommit> commits) {
    if (histories.isEmpty() || rows.filter(SqliteRows::isOpen).isEmpty()) {
      return; // a cache that cannot be used stores nothing
    }
    try {
      histories.get().write(tip, new StoredHistory(tip, commits).encode());
    } catch (IOException | RuntimeException e) {
      // The rows are stored: the next run reads them, only more slowly.
      if (storeProblem == null) {
        storeProblem =
            "the history of "
                + tip
                + " could not be stored in "
                + histories.get().directory()
                + " ("
                + e.getMessage()
                + "), so the next run reads it from "
                + file
                + " again, more slowly; make the directory writable, or set SCRUTINEER_CACHE to"
                + " a writable directory";
      }
    }
  }

  /**
   * The commits with these ids: from the most recently used stored history whose tip is one of them
   * (an ancestor: in CI, the previous merge-base), the rest from their rows.
   */
  synchronized Map<String, HistoryCommit> commits(List<String> ids) {
    Map<String, HistoryCommit> found = new HashMap<>();
    ancestorHistory(new HashSet<>(ids))
        .ifPresent(h -> h.commits().forEach(c -> found.put(c.id(), c)));
    List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
    found.putAll(load("commits", missing, HistoryCache::decodeCommit));
    return found;
  }

  private Optional<StoredHistory> ancestorHistory(Set<String> ids) {
    if (histories.isEmpty()) {
      return Optional.empty();
    }
    try {
      for (Path stored : histories.get().newestFirst()) {
        ByteBuffer bytes = KeyedFiles.map(stored);
        if (StoredHistory.tipOf(bytes).filter(ids::contains).isPresent()) {
          return Optional.of(StoredHistory.decode(bytes));
        }
      }
    } catch (IOException e) {
      // damaged, or replaced meanwhile: the rows have every commit
    }
    return Optional.empty();
  }

  synchronized void storeCommits(List<HistoryCommit> commits) {
    Map<String, byte[]> encoded = new HashMap<>();
    commits.forEach(c -> encoded.put(c.id(), encode(c)));
    store("commits", encoded);
  }

  synchronized Map<String, CommitEdits> edits(List<String> ids) {
    return load("edits", ids, HistoryCache::decodeEdits);
  }

  synchronized void storeEdits(List<CommitEdits> edits) {
    Map<String, byte[]> encoded = new HashMap<>();
    edits.forEach(e -> encoded.put(e.id(), encode(e)));
    store("edits", encoded);
  }

  synchronized Map<String, List<BlamedLine>> blames(List<String> fixIds) {
    return load("blames", fixIds, HistoryCache::decodeBlame);
  }

  synchronized void storeBlames(Map<String, List<BlamedLine>> blames) {
    Map<String, byte[]> encoded = new HashMap<>();
    blames.forEach((id, lines) -> encoded.put(id, encode(lines)));
    store("blames", encoded);
  }

  private <T> Map<String, T> load(String table, List<String> ids, Function<byte[], T> decode) {
    return decodeAll(rows.map(r -> r.read(table, ids)).orElseGet(Map::of), decode);
  }

  /**
   * Decodes rows on every processor: for a large history, turning bytes back into commits costs
   * more than reading them. A damaged row is a miss: the commit is mined again and the row
   * replaced.
   */
  private static <T> Map<String, T> decodeAll(
      Map<String, byte[]> rows, Function<byte[], T> decode) {
    Map<String, T> decoded = new ConcurrentHashMap<>();
    rows.entrySet().parallelStream()
        .forEach(
            row -> {
              try {
                decoded.put(row.getKey(), decode.apply(row.getValue()));
              } catch (UncheckedIOException | IllegalArgumentException e) {
                // left out: mined again
              }
            });
    return new HashMap<>(decoded);
  }

  private void store(String table, Map<String, byte[]> encoded) {
    rows.ifPresent(r -> r.write(table, encoded));
  }

  @Override
  public void close() {
    rows.ifPresent(SqliteRows::close);
  }

  static byte[] encode(HistoryCommit commit) {
    return write(
        out -> {
          out.writeInt(commit.parents().size());
          for (String parent : commit.parents()) {
            string(out, parent);
          }
          string(out, commit.author().name());
          string(out, commit.author().email());
          out.writeLong(commit.authorTime().getEpochSecond());
          out.writeLong(commit.commitTime().getEpochSecond());
          string(out, commit.message());
          out.writeInt(commit.files().size());
          for (FileDelta file : commit.files()) {
            string(out, file.path());
            string(out, file.oldPath().orElse(""));
            out.writeInt(file.added());
            out.writeInt(file.deleted());
            out.writeBoolean(file.binary());
          }
        },
        commit.id());
  }

  static HistoryCommit decodeCommit(byte[] data) {
    return read(
        data,
        in -> {
          String id = string(in);
          int parentCount = in.readInt();
          List<String> parents = new ArrayList<>(parentCount);
          for (int i = 0; i < parentCount; i++) {
            parents.add(string(in));
          }
          Person author = new Person(string(in), string(in));
          Instant authorTime = Instant.ofEpochSecond(in.readLong());
          Instant commitTime = Instant.ofEpochSecond(in.readLong());
          String message = string(in);
          int fileCount = in.readInt();
          List<FileDelta> files = new ArrayList<>(fileCount);
          for (int i = 0; i < fileCount; i++) {
            String path = string(in);
            String oldPath = string(in);
            files.add(
                new FileDelta(
                    path,
                    oldPath.isEmpty() ? Optional.empty() : Optional.of(oldPath),
                    in.readInt(),
                    in.readInt(),
                    in.readBoolean()));
          }
          return new HistoryCommit(id, parents, author, authorTime, commitTime, message, files);
        });
  }

  static byte[] encode(CommitEdits edits) {
    return write(
        out -> {
          out.writeInt(edits.files().size());
          for (FileEdits file : edits.files()) {
            string(out, file.path());
            out.writeByte(file.kind().ordinal());
            out.writeInt(file.lines());
            out.writeInt(file.sources().size());
            for (Source source : file.sources()) {
              out.writeInt(source.parent());
              string(out, source.path());
              ints(out, source.edits());
            }
            ints(out, file.fixable());
          }
        },
        edits.id());
  }

  static CommitEdits decodeEdits(byte[] data) {
    return read(
        data,
        in -> {
          String id = string(in);
          int fileCount = in.readInt();
          List<FileEdits> files = new ArrayList<>(fileCount);
          for (int i = 0; i < fileCount; i++) {
            String path = string(in);
            int kind = in.readByte();
            if (kind < 0 || kind >= KINDS.length) {
              throw new IllegalArgumentException("bad edit kind in a cache row");
            }
            int lines = in.readInt();
            int sourceCount = in.readInt();
            List<Source> sources = new ArrayList<>(sourceCount);
            for (int s = 0; s < sourceCount; s++) {
              sources.add(new Source(in.readInt(), string(in), ints(in)));
            }
            files.add(new FileEdits(path, KINDS[kind], lines, sources, ints(in)));
          }
          return new CommitEdits(id, files);
        });
  }

  private static final Kind[] KINDS = Kind.values();

  private static void ints(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int value : values) {
      out.writeInt(value);
    }
  }

  private static int[] ints(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available() / 4) {
      throw new IllegalArgumentException("bad array length in a cache row");
    }
    int[] values = new int[length];
    for (int i = 0; i < length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }

  static byte[] encode(List<BlamedLine> lines) {
    return write(
        out -> {
          out.writeInt(lines.size());
          for (BlamedLine line : lines) {
            string(out, line.path());
            out.writeInt(line.line());
            string(out, line.inducingId());
          }
        },
        "");
  }

  static List<BlamedLine> decodeBlame(byte[] data) {
    return read(
        data,
        in -> {
          string(in);
          int count = in.readInt();
          List<BlamedLine> lines = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            lines.add(new BlamedLine(string(in), in.readInt(), string(in)));
          }
          return List.copyOf(lines);
        });
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /** Writes a leading string (the row's own id, checked on read) and then the body. */
  private static byte[] write(Writer body, String head) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      string(out, head);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] data, Reader<T> body) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      T value = body.read(in);
      if (in.available() != 0) {
        throw new IllegalArgumentException("trailing bytes in a cache row");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A string as its UTF-8 length and bytes; {@code writeUTF} stops at 64 KiB, messages may not. */
  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IllegalArgumentException("bad string length in a cache row");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
