package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.CodeIndex;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.SortedMaps;
import dev.scrutineer.model.Symbol;
import dev.scrutineer.store.BufferStrings;
import dev.scrutineer.store.RulesFingerprint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * The code of one side of a change as the linker left it, kept so that every later change on the
 * same files re-links only what it can alter (see {@link CodeGraph#relink}): the resolved
 * supertypes of every type, the edges into each declaration as the graph keeps them, and each
 * declaration's escalated references, by node id. The declarations themselves are not kept: they
 * are numbered again from the same files' facts, which a run has in memory anyway, and checked
 * against a hash of their symbols. Framework edges are not part of it: they are derived again on
 * every run.
 *
 * <p>{@link #encode} and {@link #decode} give it a binary form for a file cache; a damaged form
 * fails to decode rather than giving a wrong graph.
 */
public final class LinkedBase {
  private static final int MAGIC = 0x53475248; // "SGRH"
  private static final int FORMAT = 7;

  /** A fingerprint of the linking rules: a stored graph from other rules is never reused. */
  static final String RULES = rulesFingerprint();

  final int nodeCount;

  /** {@link Nodes#hash} of the nodes linked. */
  final int nodesHash;

  /** The symbols the linker found declared again, which {@link Nodes#of} needs. */
  final Symbol[] redeclared;

  /** Each node's resolved supertypes (types only): {@code supers[superOffsets[n]..[n+1])}. */
  final int[] superOffsets;

  final int[] supers;

  /**
   * Each node's superclass among its supertypes, -1 for none: which one it is depends on the order
   * in which a cycle of supertypes (names resolved without a build can form one) was resolved.
   */
  final int[] superclasses;

  /**
   * The edges into each node, as {@link CodeGraph} keeps them: {@code from[offsets[n]..[n+1])}, by
   * source.
   */
  final int[] offsets;

  final int[] from;

  /** {@code via << 2 | confidence}; vias are the linker's own. */
  final byte[] labels;

  final int[] lines;

  /** Escalated references of each node: {@code skipped[skippedOffsets[n]..[n+1])}. */
  final int[] skippedOffsets;

  final Linker.Skipped[] skipped;

  /** What the graph was linked from: each file's content id by path, and the facts' version. */
  private SortedMap<String, String> contentIds;

  /**
   * Reads {@link #contentIds} from a stored form on first use: a run whose files are exactly those
   * the graph was stored for never asks.
   */
  private Supplier<SortedMap<String, String>> storedContentIds;

  private final int factsVersion;

  /** How many files were linked to make this graph in this run; 0 when read from a file. */
  private final int linkedFiles;

  private final Optional<String> unfitBase;

  /** Which of the files it was linked from mention which names. */
  final Mentions mentions;

  LinkedBase(
      int nodeCount,
      int nodesHash,
      Symbol[] redeclared,
      int[] superOffsets,
      int[] supers,
      int[] superclasses,
      int[] offsets,
      int[] from,
      byte[] labels,
      int[] lines,
      int[] skippedOffsets,
      Linker.Skipped[] skipped) {
    this.nodeCount = nodeCount;
    this.nodesHash = nodesHash;
    this.redeclared = redeclared;
    this.superOffsets = superOffsets;
    this.supers = supers;
    this.superclasses = superclasses;
    this.offsets = offsets;
    this.from = from;
    this.labels = labels;
    this.lines = lines;
    this.skippedOffsets = skippedOffsets;
    this.skipped = skipped;
    this.contentIds = Collections.emptySortedMap();
    this.factsVersion = 0;
    this.linkedFiles = 0;
    this.unfitBase = Optional.empty();
    this.mentions = new Mentions(new String[0], Map.of(), Map.of());
  }

  /** {@code graph} as linked from the files {@code contentIds} names. */
  private LinkedBase(
      LinkedBase graph,
      Supplier<SortedMap<String, String>> contentIds,
      int factsVersion,
      int linkedFiles,
      Optional<String> unfitBase,
      Mentions mentions) {
    this.nodeCount = graph.nodeCount;
    this.nodesHash = graph.nodesHash;
    this.redeclared = graph.redeclared;
    this.superOffsets = graph.superOffsets;
    this.supers = graph.supers;
    this.superclasses = graph.superclasses;
    this.offsets = graph.offsets;
    this.from = graph.from;
    this.labels = graph.labels;
    this.lines = graph.lines;
    this.skippedOffsets = graph.skippedOffsets;
    this.skipped = graph.skipped;
    this.storedContentIds = contentIds;
    this.factsVersion = factsVersion;
    this.linkedFiles = linkedFiles;
    this.unfitBase = unfitBase;
    this.mentions = mentions;
  }

  /**
   * Links {@code files} on their own, without framework edges.
   *
   * @param contentIds what each file's facts were derived from, by path (see {@link #key})
   * @param factsVersion the version of the facts' extractor
   */
  public static LinkedBase link(
      Collection<FileFacts> files, Map<String, String> contentIds, int factsVersion) {
    Linker linker = new Linker();
    linker.link(files, List::of);
    return new LinkedBase(
        linker.snapshot(new CodeGraph(linker)),
        copied(contentIds),
        factsVersion,
        files.size(),
        Optional.empty(),
        Mentions.of(files));
  }

  /**
   * The graph of {@code files}, linked from this one: only the files whose content differs, and
   * those whose lookups that difference can change, are linked (see {@link CodeGraph#relink}).
   *
   * @param ownFiles the facts this graph was linked from, in the order they were linked
   * @param files the facts to link, sorted by path
   * @param contentIds what each of {@code files} was derived from, by path
   */
  public LinkedBase derive(
      Collection<FileFacts> ownFiles, Collection<FileFacts> files, Map<String, String> contentIds) {
    Set<String> changed = differing(contentIds);
    Linker linker = new Linker();
    CodeGraph graph;
    try {
      linker.link(files, List::of, new Relink(this, ownFiles, changed));
      graph = new CodeGraph(linker);
    } catch (Relink.Stale e) {
      LinkedBase full = link(files, contentIds, factsVersion);
      return new LinkedBase(
          full,
          copied(contentIds),
          factsVersion,
          full.linkedFiles,
          Optional.of(e.getMessage()),
          full.mentions);
    }
    return new LinkedBase(
        linker.snapshot(graph),
        copied(contentIds),
        factsVersion,
        linker.linkedFiles,
        Optional.empty(),
        Mentions.of(files));
  }

  /** The paths whose content differs between the files it was linked from and {@code other}. */
  public Set<String> differing(Map<String, String> other) {
    return CodeIndex.differing(contentIds(), other);
  }

  /** The key this graph is stored under: {@link #key(Map, int)} of what it was linked from. */
  public String key() {
    return key(contentIds(), factsVersion);
  }

  /** What each file the graph was linked from was derived from, by path. */
  public synchronized SortedMap<String, String> contentIds() {
    if (contentIds == null) {
      contentIds = Collections.unmodifiableSortedMap(storedContentIds.get());
      storedContentIds = null;
    }
    return contentIds;
  }

  public int factsVersion() {
    return factsVersion;
  }

  /**
   * Why the graph {@link #derive} started from did not fit, so that everything was linked instead;
   * a fault in the relinking rules, never expected.
   */
  public Optional<String> unfitBase() {
    return unfitBase;
  }

  /** How many files were linked to make this graph in this run; 0 when it was read. */
  public int linkedFiles() {
    return linkedFiles;
  }

  public int nodeCount() {
    return nodeCount;
  }

  public int edgeCount() {
    return from.length;
  }

  /**
   * The key a stored graph of {@code files} goes by: every file's path and content id (a git blob
   * id, or why it could not be read), the facts' format and these linking rules.
   *
   * @param contentIds path to blob id, for every file linked
   */
  public static String key(Map<String, String> contentIds, int factsVersion) {
    return key(CodeIndex.contentsId(contentIds), factsVersion);
  }

  /**
   * {@link #key(Map, int)} of the files whose {@link CodeIndex#contentsId} is {@code contentsId}.
   */
  public static String key(String contentsId, int factsVersion) {
    MessageDigest sha1 = sha1();
    sha1.update(
        (RULES + "\n" + factsVersion + "\n" + contentsId + "\n").getBytes(StandardCharsets.UTF_8));
    return hex(sha1.digest());
  }

  private static Supplier<SortedMap<String, String>> copied(Map<String, String> contentIds) {
    SortedMap<String, String> copy = new TreeMap<>(contentIds); // from a sorted map: no comparisons
    return () -> copy;
  }

  // ---------------------------------------------------------------- binary form

  /** The binary form: a header, the arrays, and a CRC-32 of all that precedes it. */
  public byte[] encode() {
    List<String> names = new ArrayList<>();
    Map<String, Integer> nameIds = new HashMap<>();
    SortedMap<String, String> contentIds = contentIds();
    int[] contentNames = new int[2 * contentIds.size()];
    int c = 0;
    for (Map.Entry<String, String> e : contentIds.entrySet()) {
      contentNames[c++] = intern(e.getKey(), names, nameIds);
      contentNames[c++] = intern(e.getValue(), names, nameIds);
    }
    int rules = intern(RULES, names, nameIds);
    int[] redeclaredNames = new int[2 * redeclared.length];
    for (int i = 0; i < redeclared.length; i++) {
      redeclaredNames[2 * i] = intern(redeclared[i].packageName(), names, nameIds);
      redeclaredNames[2 * i + 1] = intern(redeclared[i].name(), names, nameIds);
    }
    int[] mentionPaths = new int[mentions.paths.length];
    for (int i = 0; i < mentionPaths.length; i++) {
      mentionPaths[i] = intern(mentions.paths[i], names, nameIds);
    }
    IntList mentioned = flattened(mentions.files, names, nameIds);
    IntList loose = flattened(mentions.loose, names, nameIds);
    int[] skippedNames = new int[skipped.length];
    for (int i = 0; i < skipped.length; i++) {
      skippedNames[i] = intern(skipped[i].name(), names, nameIds);
    }
    byte[][] utf8 = new byte[names.size()][];
    long size = 4L * 15 + 4L * contentNames.length + 4L * mentionPaths.length;
    size += 4L * redeclaredNames.length;
    size += 4L * mentioned.size() + 4L * loose.size();
    for (int i = 0; i < utf8.length; i++) {
      utf8[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
      size += 4 + utf8[i].length;
    }
    size += 4L * (superOffsets.length + supers.length + superclasses.length + offsets.length);
    size += 8L * from.length + labels.length + 4L * skippedOffsets.length + 20L * skipped.length;
    size += 8;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("graph too large to store: " + size + " bytes");
    }
    ByteBuffer out = ByteBuffer.allocate((int) size);
    out.putInt(MAGIC).putInt(FORMAT);
    out.putInt(utf8.length).putInt(nodeCount).putInt(supers.length);
    out.putInt(from.length).putInt(skipped.length).putInt(nodesHash);
    out.putInt(rules).putInt(factsVersion).putInt(contentIds.size());
    out.putInt(mentionPaths.length).putInt(mentioned.size()).putInt(loose.size());
    out.putInt(redeclared.length);
    for (byte[] name : utf8) {
      out.putInt(name.length).put(name);
    }
    putInts(out, contentNames);
    putInts(out, redeclaredNames);
    putInts(out, mentionPaths);
    putInts(out, Arrays.copyOf(mentioned.array(), mentioned.size()));
    putInts(out, Arrays.copyOf(loose.array(), loose.size()));
    putInts(out, superOffsets);
    putInts(out, supers);
    putInts(out, superclasses);
    putInts(out, offsets);
    putInts(out, from);
    putInts(out, lines);
    out.put(labels);
    putInts(out, skippedOffsets);
    for (int i = 0; i < skipped.length; i++) {
      Linker.Skipped s = skipped[i];
      out.putInt(s.from()).putInt(skippedNames[i]).putInt(s.arity());
      out.putInt(s.candidates()).putInt(s.line());
    }
    CRC32 crc = new CRC32();
    crc.update(out.array(), 0, out.position());
    out.putLong(crc.getValue());
    return out.array();
  }

  /**
   * Reads the binary form.
   *
   * @throws IOException when the bytes are not a whole graph of this format
   */
  public static LinkedBase decode(ByteBuffer bytes) throws IOException {
    try {
      ByteBuffer in = bytes.duplicate();
      int size = in.limit();
      if (size < 64 || in.getInt() != MAGIC || in.getInt() != FORMAT) {
        throw new IOException("not a stored graph of format " + FORMAT);
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.duplicate().limit(size - 8));
      if (in.getLong(size - 8) != crc.getValue()) {
        throw new IOException("stored graph is damaged (checksum)");
      }
      int nameCount = in.getInt();
      int n = in.getInt();
      int superCount = in.getInt();
      int edges = in.getInt();
      int skippedCount = in.getInt();
      int nodesHash = in.getInt();
      int rules = in.getInt();
      int factsVersion = in.getInt();
      int files = in.getInt();
      int mentionFiles = in.getInt();
      int mentionInts = in.getInt();
      int looseInts = in.getInt();
      int redeclaredCount = in.getInt();
      String[] names = new String[nameCount];
      BufferStrings strings = new BufferStrings();
      for (int i = 0; i < nameCount; i++) {
        names[i] = strings.read(in, in.getInt());
      }
      if (!names[rules].equals(RULES)) {
        throw new IOException("stored graph was linked by other rules");
      }
      int[] contentNames = getInts(in, 2 * files);
      Supplier<SortedMap<String, String>> contentIds =
          () -> {
            List<String> paths = new ArrayList<>(files);
            List<String> ids = new ArrayList<>(files);
            for (int i = 0; i < files; i++) {
              paths.add(names[contentNames[2 * i]]);
              ids.add(names[contentNames[2 * i + 1]]);
            }
            return SortedMaps.ofSorted(paths, ids);
          };
      int[] redeclaredNames = getInts(in, 2 * redeclaredCount);
      Symbol[] redeclared = new Symbol[redeclaredCount];
      for (int i = 0; i < redeclaredCount; i++) {
        redeclared[i] =
            new Symbol(names[redeclaredNames[2 * i]], names[redeclaredNames[2 * i + 1]]);
      }
      int[] mentionPaths = getInts(in, mentionFiles);
      String[] paths = new String[mentionFiles];
      for (int i = 0; i < mentionFiles; i++) {
        paths[i] = names[mentionPaths[i]];
      }
      Map<String, int[]> byName = unflattened(getInts(in, mentionInts), names);
      Map<String, int[]> looseByName = unflattened(getInts(in, looseInts), names);
      int[] superOffsets = getInts(in, n + 1);
      int[] supers = getInts(in, superCount);
      int[] superclasses = getInts(in, n);
      int[] offsets = getInts(in, n + 1);
      int[] from = getInts(in, edges);
      int[] lines = getInts(in, edges);
      byte[] labels = new byte[edges];
      in.get(labels);
      int[] skippedOffsets = getInts(in, n + 1);
      Linker.Skipped[] skipped = new Linker.Skipped[skippedCount];
      for (int i = 0; i < skippedCount; i++) {
        skipped[i] =
            new Linker.Skipped(
                in.getInt(), names[in.getInt()], in.getInt(), in.getInt(), in.getInt());
      }
      if (in.remaining() != 8) {
        throw new IOException("stored graph has " + (in.remaining() - 8) + " stray bytes");
      }
      LinkedBase graph =
          new LinkedBase(
              n,
              nodesHash,
              redeclared,
              superOffsets,
              supers,
              superclasses,
              offsets,
              from,
              labels,
              lines,
              skippedOffsets,
              skipped);
      return new LinkedBase(
          graph,
          contentIds,
          factsVersion,
          0,
          Optional.empty(),
          new Mentions(paths, byName, looseByName));
    } catch (RuntimeException e) { // a length or index the damage made up
      throw new IOException("stored graph is damaged: " + e, e);
    }
  }

  /** Each name's files as ints: the name, how many files, then the files. */
  private static IntList flattened(
      Map<String, int[]> byName, List<String> names, Map<String, Integer> nameIds) {
    IntList flat = new IntList();
    byName.forEach(
        (name, files) -> {
          flat.add(intern(name, names, nameIds));
          flat.add(files.length);
          for (int f : files) {
            flat.add(f);
          }
        });
    return flat;
  }

  private static Map<String, int[]> unflattened(int[] flat, String[] names) {
    Map<String, int[]> byName = new HashMap<>();
    for (int i = 0; i < flat.length; i += 2 + flat[i + 1]) {
      byName.put(names[flat[i]], Arrays.copyOfRange(flat, i + 2, i + 2 + flat[i + 1]));
    }
    return byName;
  }

  private static int intern(String s, List<String> names, Map<String, Integer> ids) {
    Integer id = ids.get(s);
    if (id == null) {
      id = names.size();
      names.add(s);
      ids.put(s, id);
    }
    return id;
  }

  private static void putInts(ByteBuffer out, int[] values) {
    out.asIntBuffer().put(values);
    out.position(out.position() + 4 * values.length);
  }

  private static int[] getInts(ByteBuffer in, int count) {
    int[] values = new int[count];
    in.asIntBuffer().get(values);
    in.position(in.position() + 4 * count);
    return values;
  }

  // ---------------------------------------------------------------- fingerprint of the rules

  private static String rulesFingerprint() {
    // The JDK's own type hierarchy is read from the running JDK (see JdkTypes).
    return RulesFingerprint.of(
        "java " + Runtime.version().feature(),
        List.of(
            Linker.class,
            CodeGraph.class,
            LinkedBase.class,
            JdkTypes.class,
            Chains.class,
            Hierarchy.class,
            TypeNames.class,
            Overloads.class,
            Arguments.class,
            Mentions.class)); // stored with the graph: other names, other files relinked
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
