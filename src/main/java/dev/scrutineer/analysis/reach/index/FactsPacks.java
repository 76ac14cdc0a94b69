package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.store.BufferStrings;
import dev.scrutineer.store.CacheFiles;
import dev.scrutineer.store.KeyedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * The facts of every Java file of a tree in one file of the cache, for the trees changes are made
 * on: a warm run reads them in one go, where looking each file up in the facts cache took half the
 * time it spent reading the repository. Kept by the files' paths and content ids, the newest few.
 * Like the facts cache it never fails its caller: a pack that cannot be read or written is a miss,
 * with a diagnostic.
 */
public final class FactsPacks {
  /** Packs kept; each is tens of megabytes for a large repository. */
  static final int KEPT = 4;

  /** Trees remembered as seen once, by key; each is an empty file. */
  static final int REMEMBERED = 64;

  /**
   * {@code "SCP4"}, the files' count, their {@link CodeIndex#contentsId}, each file's path, blob id
   * and facts' length (strings after their length), a CRC-32 of all that, then each file's facts
   * ({@link FactsCodec}, which checks them itself).
   */
  private static final int MAGIC = 0x5343_5034;

  private final CacheFiles packs;
  private final CacheFiles seen;

  private FactsPacks(CacheFiles packs, CacheFiles seen) {
    this.packs = packs;
    this.seen = seen;
  }

  /** Packs in {@code directory}, created when first stored. */
  public static FactsPacks in(Path directory) {
    String otherwise = "read from the facts cache instead";
    return new FactsPacks(
        CacheFiles.in(directory, ".facts", KEPT, "the stored facts", otherwise),
        CacheFiles.in(directory, ".seen", REMEMBERED, "the mark of a tree seen", otherwise));
  }

  /** No packs: every file's facts come from the facts cache or a parse. */
  public static FactsPacks none() {
    return new FactsPacks(CacheFiles.none(), CacheFiles.none());
  }

  /**
   * The key of the files {@code blobIds} lists by path, as extracted and encoded by this version: a
   * pack of another format is never read.
   */
  static String key(SortedMap<String, String> blobIds) {
    MessageDigest sha1 = keyDigest("files");
    blobIds.forEach(
        (path, id) -> sha1.update((path + "\0" + id + "\n").getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(sha1.digest());
  }

  /**
   * The key of the Java files of the git tree {@code treeId}, which names every path and blob under
   * it: a warm run finds its pack without listing the tree.
   */
  static String keyOfTree(String treeId) {
    MessageDigest sha1 = keyDigest("tree");
    sha1.update(treeId.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha1.digest());
  }

  private static MessageDigest keyDigest(String kind) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
    String version = FactsExtractor.VERSION + " " + FactsCodec.FORMAT + " " + MAGIC;
    sha1.update(("facts " + version + " " + kind + "\n").getBytes(StandardCharsets.UTF_8));
    return sha1;
  }

  /**
   * A pack read back.
   *
   * @param paths every file's path, sorted
   * @param blobIds each of those files' blob id, in the same order
   * @param facts each of those files' facts, in the same order
   * @param contentsId the files' {@link CodeIndex#contentsId}
   */
  record Pack(List<String> paths, List<String> blobIds, List<FileFacts> facts, String contentsId) {}

  /**
   * The stored pack of {@code key}, its facts decoded by {@code threads} threads; empty when there
   * is none or it cannot be read.
   */
  Optional<Pack> load(String key, int threads) {
    return packs.read(
        key,
        bytes -> {
          Entries entries = Entries.of(bytes);
          return new Pack(
              Arrays.asList(entries.paths),
              Arrays.asList(entries.blobIds),
              entries.decodeAll(threads),
              entries.contentsId);
        });
  }

  /**
   * The facts of the files of {@code blobIds} that the most recently used pack holds with the same
   * content, when they are at least half of them: a merge-base that moved since (in CI, with every
   * merge) shares most of its files with the last one analysed. Only those files are decoded, by
   * {@code threads} threads; none when no pack is that near.
   */
  Map<String, FileFacts> nearest(SortedMap<String, String> blobIds, int threads) {
    for (Path file : packs.newestFirst()) {
      Entries entries;
      try {
        entries = Entries.of(KeyedFiles.map(file));
      } catch (IOException | IllegalArgumentException e) {
        continue; // another format's pack, or one being replaced: not one to start from
      }
      int[] same =
          IntStream.range(0, entries.paths.length)
              .filter(i -> entries.blobIds[i].equals(blobIds.get(entries.paths[i])))
              .toArray();
      return same.length * 2 < blobIds.size() ? Map.of() : entries.decode(same, threads);
    }
    return Map.of();
  }

  /**
   * Stores {@code facts} under {@code key}, whole or not at all, and drops the oldest packs, when
   * the tree was seen before; else only remembers that it was seen. Writing a pack costs about as
   * much as reading it saves twice, and most merge-bases in CI are analysed once: those never pay
   * for one. {@code contentsId} is the files' {@link CodeIndex#contentsId}; they are encoded by
   * {@code threads} threads.
   */
  void offer(
      String key,
      List<FileFacts> facts,
      Map<String, String> blobIds,
      String contentsId,
      int threads) {
    if (seen.read(key, bytes -> bytes).isEmpty()) {
      seen.write(key, () -> new byte[0]);
    } else {
      packs.write(key, () -> encode(facts, blobIds, contentsId, threads));
    }
  }

  /** What went wrong with the packs, at most one entry; empty while they work. */
  public List<Diagnostic> diagnostics() {
    return packs.failure().or(seen::failure).map(Diagnostic::warning).stream().toList();
  }

  private static byte[] encode(
      List<FileFacts> facts, Map<String, String> blobIds, String contentsId, int threads) {
    byte[][] rows = new byte[facts.size()][];
    byte[][] paths = new byte[facts.size()][];
    byte[][] ids = new byte[facts.size()][];
    inSlices(
        facts.size(),
        threads,
        i -> {
          String path = facts.get(i).path();
          rows[i] = FactsCodec.encode(facts.get(i));
          paths[i] = path.getBytes(StandardCharsets.UTF_8);
          ids[i] = blobIds.get(path).getBytes(StandardCharsets.UTF_8);
        });
    byte[] contents = contentsId.getBytes(StandardCharsets.UTF_8);
    long length = 20L + contents.length;
    for (int i = 0; i < rows.length; i++) {
      length += 12L + paths[i].length + ids[i].length + rows[i].length;
    }
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("facts too large to store in one file: " + length);
    }
    ByteBuffer out = ByteBuffer.allocate((int) length);
    out.putInt(MAGIC).putInt(rows.length).putInt(contents.length).put(contents);
    for (int i = 0; i < rows.length; i++) {
      out.putInt(paths[i].length).put(paths[i]).putInt(ids[i].length).put(ids[i]);
      out.putInt(rows[i].length);
    }
    CRC32 crc = new CRC32();
    crc.update(out.array(), 0, out.position());
    out.putLong(crc.getValue());
    for (byte[] row : rows) {
      out.put(row);
    }
    return out.array();
  }

  /**
   * A pack's files: their paths and content ids, and where each one's facts are in the pack's
   * bytes, a mapped file.
   */
  private record Entries(
      ByteBuffer bytes,
      String contentsId,
      String[] paths,
      String[] blobIds,
      int[] offsets,
      int[] lengths) {

    /** Reads the pack's lengths, paths and content ids; the facts are decoded when asked for. */
    static Entries of(ByteBuffer bytes) {
      ByteBuffer in = bytes.duplicate();
      if (in.remaining() < 8 || in.getInt() != MAGIC) {
        throw new IllegalArgumentException("not a pack of facts");
      }
      int count = in.getInt();
      if (count < 0 || count > in.limit() / 12) {
        throw new IllegalArgumentException("more files than bytes");
      }
      BufferStrings strings = new BufferStrings();
      String contentsId = strings.read(in, length(in));
      String[] paths = new String[count];
      String[] blobIds = new String[count];
      int[] offsets = new int[count];
      int[] lengths = new int[count];
      for (int i = 0; i < count; i++) {
        paths[i] = strings.read(in, length(in));
        blobIds[i] = strings.read(in, length(in));
        lengths[i] = length(in);
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.duplicate().limit(in.position()));
      if (in.remaining() < 8 || in.getLong() != crc.getValue()) {
        throw new IllegalArgumentException("the pack's list of files is damaged (checksum)");
      }
      for (int i = 0; i < count; i++) {
        offsets[i] = in.position();
        if (lengths[i] > in.remaining()) {
          throw new IllegalArgumentException("the pack ends early");
        }
        in.position(offsets[i] + lengths[i]);
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("stray bytes after the last file");
      }
      return new Entries(bytes, contentsId, paths, blobIds, offsets, lengths);
    }

    /**
     * Every file's facts, decoded in slices side by side; each file's facts are checked as they are
     * decoded.
     */
    List<FileFacts> decodeAll(int threads) {
      FileFacts[] out = new FileFacts[paths.length];
      inSlices(out.length, threads, i -> out[i] = decode(i));
      return List.of(out);
    }

    /**
     * The facts of the files at {@code indexes}, by path; a file whose facts are damaged is left
     * out, to be read as if the pack did not have it.
     */
    Map<String, FileFacts> decode(int[] indexes, int threads) {
      FileFacts[] out = new FileFacts[indexes.length];
      inSlices(
          out.length,
          threads,
          i -> {
            try {
              out[i] = decode(indexes[i]);
            } catch (IllegalArgumentException e) {
              out[i] = null;
            }
          });
      Map<String, FileFacts> byPath = new HashMap<>();
      for (FileFacts facts : out) {
        if (facts != null) {
          byPath.put(facts.path(), facts);
        }
      }
      return byPath;
    }

    /**
     * The facts of file {@code i}, from a copy of its row made by the thread that decodes them: the
     * codec reads an array, now and again when the references are asked for.
     */
    private FileFacts decode(int i) {
      byte[] row = new byte[lengths[i]];
      bytes.get(offsets[i], row);
      return FactsCodec.decode(paths[i], row);
    }
  }

  /** A length that the rest of {@code in} can hold. */
  private static int length(ByteBuffer in) {
    if (in.remaining() < 4) {
      throw new IllegalArgumentException("the pack ends early");
    }
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("a length runs past the end");
    }
    return length;
  }

  /**
   * Runs {@code task} for 0 to {@code count - 1}, in slices side by side; this thread takes one.
   */
  private static void inSlices(int count, int threads, IntConsumer task) {
    int slices = Math.max(1, Math.min(threads, count / 64));
    AtomicReference<Throwable> failed = new AtomicReference<>();
    List<Thread> helpers = new ArrayList<>();
    for (int slice = 1; slice < slices; slice++) {
      int from = count * slice / slices;
      int to = count * (slice + 1) / slices;
      Thread helper = new Thread(() -> slice(task, from, to, failed), "scrutineer-facts-" + slice);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    slice(task, 0, count / slices, failed);
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading or writing stored facts", e);
      }
    }
    Throwable failure = failed.get();
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
  }

  private static void slice(IntConsumer task, int from, int to, AtomicReference<Throwable> failed) {
    try {
      for (int i = from; i < to; i++) {
        task.accept(i);
      }
    } catch (RuntimeException | Error e) {
      failed.compareAndSet(null, e);
    }
  }
}
