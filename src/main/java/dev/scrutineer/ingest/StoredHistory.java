package dev.scrutineer.ingest;

import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Person;
import dev.scrutineer.store.BufferStrings;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A whole mined history in one stored form: every commit reachable from {@code tip}, in the order
 * {@link HistoryReader#read} gives them. Reading it back is one file and one pass, where the
 * history cache's rows are one lookup and one decoding per commit; paths, authors and commit ids
 * are written once each, in a table of strings.
 *
 * @param tip the commit the history was read from
 * @param commits parents before children
 */
record StoredHistory(String tip, List<HistoryCommit> commits) {
  private static final int MAGIC = 0x5343_4831; // "SCH1"

  StoredHistory {
    commits = List.copyOf(commits);
  }

  byte[] encode() {
    Map<String, Integer> table = new LinkedHashMap<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(body)) {
      out.writeInt(commits.size());
      for (HistoryCommit commit : commits) {
        out.writeInt(index(table, commit.id()));
        out.writeInt(commit.parents().size());
        for (String parent : commit.parents()) {
          out.writeInt(index(table, parent));
        }
        out.writeInt(index(table, commit.author().name()));
        out.writeInt(index(table, commit.author().email()));
        out.writeLong(commit.authorTime().getEpochSecond());
        out.writeLong(commit.commitTime().getEpochSecond());
        text(out, commit.message());
        out.writeInt(commit.files().size());
        for (FileDelta file : commit.files()) {
          out.writeInt(index(table, file.path()));
          out.writeInt(file.oldPath().map(p -> index(table, p)).orElse(-1));
          out.writeInt(file.added());
          out.writeInt(file.deleted());
          out.writeBoolean(file.binary());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    ByteArrayOutputStream whole = new ByteArrayOutputStream(body.size() + 64 * table.size());
    try (DataOutputStream out = new DataOutputStream(whole)) {
      out.writeInt(MAGIC);
      out.writeInt(HistoryCache.VERSION);
      text(out, tip);
      out.writeInt(table.size());
      for (String s : table.keySet()) {
        text(out, s);
      }
      body.writeTo(out);
      CRC32 crc = new CRC32();
      crc.update(whole.toByteArray());
      out.writeLong(crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return whole.toByteArray();
  }

  /**
   * The history stored in {@code bytes}.
   *
   * @throws IOException when they are damaged, cut short or of another format or mining version
   */
  static StoredHistory decode(ByteBuffer bytes) throws IOException {
    int size = bytes.limit();
    if (size < 16) {
      throw new IOException("too short");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.duplicate().limit(size - 8));
    if (bytes.getLong(size - 8) != crc.getValue()) {
      throw new IOException("damaged (checksum)");
    }
    ByteBuffer in = bytes.duplicate().limit(size - 8);
    BufferStrings strings = new BufferStrings();
    try {
      if (in.getInt() != MAGIC || in.getInt() != HistoryCache.VERSION) {
        throw new IOException("of another format");
      }
      String tip = text(in, strings);
      String[] table = new String[count(in)];
      for (int i = 0; i < table.length; i++) {
        table[i] = text(in, strings);
      }
      // Authors repeat across thousands of commits: one Person each.
      Map<Long, Person> people = new HashMap<>();
      int commitCount = count(in);
      List<HistoryCommit> commits = new ArrayList<>(commitCount);
      for (int c = commitCount; c > 0; c--) {
        String id = table[in.getInt()];
        List<String> parents = new ArrayList<>(2);
        for (int p = count(in); p > 0; p--) {
          parents.add(table[in.getInt()]);
        }
        int name = in.getInt();
        int email = in.getInt();
        Person author =
            people.computeIfAbsent(
                (long) name << 32 | email, k -> new Person(table[name], table[email]));
        Instant authorTime = Instant.ofEpochSecond(in.getLong());
        Instant commitTime = Instant.ofEpochSecond(in.getLong());
        String message = text(in, strings);
        int fileCount = count(in);
        List<FileDelta> files = new ArrayList<>(fileCount);
        for (int f = 0; f < fileCount; f++) {
          String path = table[in.getInt()];
          int oldPath = in.getInt();
          files.add(
              new FileDelta(
                  path,
                  oldPath < 0 ? Optional.empty() : Optional.of(table[oldPath]),
                  in.getInt(),
                  in.getInt(),
                  in.get() != 0));
        }
        commits.add(new HistoryCommit(id, parents, author, authorTime, commitTime, message, files));
      }
      if (in.hasRemaining()) {
        throw new IOException("longer than its contents");
      }
      return new StoredHistory(tip, commits);
    } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new IOException("not a stored history: " + e, e);
    }
  }

  /** The tip a stored history was read from, from its first bytes; empty if they are not one. */
  static Optional<String> tipOf(ByteBuffer bytes) {
    try {
      ByteBuffer in = bytes.duplicate();
      if (in.getInt() != MAGIC || in.getInt() != HistoryCache.VERSION) {
        return Optional.empty();
      }
      return Optional.of(text(in, new BufferStrings()));
    } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static int index(Map<String, Integer> table, String s) {
    return table.computeIfAbsent(s, k -> table.size());
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String text(ByteBuffer in, BufferStrings strings) {
    return strings.read(in, count(in));
  }

  private static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("count out of range: " + n);
    }
    return n;
  }
}
