package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The repository's dependency graph: every type and member of the index is a node, and an edge
 * {@code from → to} says that a change to {@code to} can reach {@code from}. Edges are kept
 * reversed, in compressed sparse rows of ints, so that {@link #reach} walks them without allocating
 * per node.
 *
 * <p>{@link #link} resolves references with Java's scoping rules and class-hierarchy dispatch; see
 * {@code docs/ARCHITECTURE.md} ("Linking") for the rules and the confidence each edge gets.
 */
public final class CodeGraph {
  private static final Confidence[] CONFIDENCES = Confidence.values();

  /** Where a node is declared. */
  public record Location(String path, int line, DeclarationKind kind) {
    public Location {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * A reference whose receiver's type is unknown and whose name is too common to link by name
   * alone: {@code from} calls {@code name} with {@code arity} arguments, which {@code candidates}
   * methods of the index would accept. Nothing is linked for it.
   */
  public record Escalation(Symbol from, String name, int arity, int candidates, int line) {
    public Escalation {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(name, "name");
    }
  }

  final Symbol[] symbols;
  final String[] paths;
  final int[] lines;
  final DeclarationKind[] kinds;

  /** A member's declaring type; -1 for types. */
  final int[] owners;

  private final Map<Symbol, Integer> ids;

  /**
   * Reverse adjacency: the nodes depending on node n are {@code from[offsets[n]..offsets[n+1])}.
   */
  final int[] offsets;

  final int[] from;
  final byte[] via;
  final byte[] confidence;
  final int[] edgeLines;
  final String[] vias;
  private final List<Escalation> escalations;
  private final int ignoredExtraEdges;
  private final int linkedFiles;
  private final Optional<String> unfitBase;

  CodeGraph(Linker linker) {
    int n = linker.symbols.size();
    symbols = linker.symbols.toArray(new Symbol[0]);
    paths = linker.paths.toArray(new String[0]);
    kinds = linker.kinds.toArray(new DeclarationKind[0]);
    lines = Arrays.copyOf(linker.lines.array(), n);
    owners = Arrays.copyOf(linker.owners.array(), n);
    ids = linker.ids; // never written after linking; copying 300k entries cost more than it saved
    vias = linker.vias.toArray(new String[0]);
    if (vias.length > Byte.MAX_VALUE) {
      throw new IllegalStateException("too many edge labels: " + vias.length);
    }
    ignoredExtraEdges = linker.ignoredExtraEdges;
    linkedFiles = linker.linkedFiles;
    unfitBase = Optional.ofNullable(linker.unfitBase);
    List<Escalation> esc = new ArrayList<>();
    for (Linker.Skipped s : linker.skipped) {
      int candidates = linker.candidates(s);
      if (candidates > 0) { // a call no method of the index answers to links nowhere
        esc.add(new Escalation(symbols[s.from()], s.name(), s.arity(), candidates, s.line()));
      }
    }
    escalations = List.copyOf(esc);

    // Bucket raw edges by target (counting sort), then drop duplicate sources in each bucket,
    // keeping the most confident edge. The columns are moved into bucket order in one sequential
    // pass, so that the pass over the buckets reads them in order too: reading millions of edges
    // through an index array missed the processor's caches on nearly every edge. Extra edges
    // follow the linker's own in each bucket.
    int raw = linker.edgeTo.size();
    int[] edgeTo = linker.edgeTo.array();
    int[] start = new int[n + 1];
    for (int e = 0; e < raw; e++) {
      start[edgeTo[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] inFrom = new int[raw];
    int[] inLabel = new int[raw]; // EXTRA | via << 8 | confidence
    int[] inLine = new int[raw];
    int[] edgeFrom = linker.edgeFrom.array();
    int[] edgeVia = linker.edgeVia.array();
    int[] edgeConfidence = linker.edgeConfidence.array();
    int[] edgeLine = linker.edgeLine.array();
    for (int e = 0; e < raw; e++) {
      int at = fill[edgeTo[e]]++;
      inFrom[at] = edgeFrom[e];
      inLabel[at] = (e < linker.ownEdges ? 0 : EXTRA) | edgeVia[e] << 8 | edgeConfidence[e];
      inLine[at] = edgeLine[e];
    }
    Relink relink = linker.relinked;
    if (relink != null) {
      relink.checkCopiedTargets();
    }
    Buckets buckets = new Buckets(n, raw + (relink == null ? 0 : relink.baseEdgeCount()));
    // The edges a relinked graph copies from its base, by target: merged by source with the ones
    // the linker found, as a full link emits every node's edges in node order.
    IntList copied = new IntList();
    for (int to = 0; to < n; to++) {
      buckets.begin(to);
      int k = start[to];
      int end = start[to + 1];
      if (relink != null && k == end && buckets.copy(relink, to)) {
        continue;
      }
      if (relink != null) {
        copied.clear();
        int count = relink.baseEdgesTo(to, copied);
        int[] c = copied.array();
        for (int i = 0; i < count; i++) {
          int from = c[3 * i];
          for (; k < end && (inLabel[k] & EXTRA) == 0 && inFrom[k] < from; k++) {
            buckets.add(inFrom[k], inLabel[k], inLine[k]);
          }
          buckets.add(from, c[3 * i + 1], c[3 * i + 2]);
        }
      }
      for (; k < end; k++) {
        buckets.add(inFrom[k], inLabel[k], inLine[k]);
      }
    }
    offsets = buckets.offsets;
    from = Arrays.copyOf(buckets.from, buckets.size);
    via = Arrays.copyOf(buckets.via, buckets.size);
    confidence = Arrays.copyOf(buckets.confidence, buckets.size);
    edgeLines = Arrays.copyOf(buckets.lines, buckets.size);
  }

  /** Marks an extra edge among the raw ones. */
  private static final int EXTRA = 1 << 16;

  /**
   * Reverse adjacency being written bucket by bucket: an edge from a source already in the bucket
   * is dropped, the more confident of the two kept in the first's place.
   */
  private static final class Buckets {
    final int[] offsets;
    final int[] from;
    final byte[] via;
    final byte[] confidence;
    final int[] lines;
    int size;
    private final int[] seenIn;
    private final int[] seenAt;
    private int to;

    Buckets(int nodes, int capacity) {
      offsets = new int[nodes + 1];
      from = new int[capacity];
      via = new byte[capacity];
      confidence = new byte[capacity];
      lines = new int[capacity];
      seenIn = new int[nodes];
      Arrays.fill(seenIn, -1);
      seenAt = new int[nodes];
    }

    void begin(int target) {
      to = target;
      offsets[target] = size;
      offsets[target + 1] = size;
    }

    /**
     * The copied edges into the current bucket, when they are all it gets, written as they come:
     * the base keeps one edge per source, and its sources in order. False, with nothing written,
     * when the head numbers them in another order.
     */
    boolean copy(Relink relink, int target) {
      int count = relink.baseEdgesTo(target, from, via, confidence, lines, size);
      if (count < 0) {
        return false;
      }
      size += count;
      offsets[target + 1] = size;
      return true;
    }

    /** An edge into the current bucket; {@code label} is {@code via << 8 | confidence}. */
    void add(int source, int label, int line) {
      int c = label & 0xff;
      byte v = (byte) (label >>> 8 & 0xff);
      if (seenIn[source] == to) {
        int at = seenAt[source];
        if (c > confidence[at]) {
          confidence[at] = (byte) c;
          via[at] = v;
          lines[at] = line;
        }
        return;
      }
      seenIn[source] = to;
      seenAt[source] = size;
      from[size] = source;
      via[size] = v;
      confidence[size] = (byte) c;
      lines[size] = line;
      size++;
      offsets[to + 1] = size;
    }
  }

  /**
   * Links the facts of every file of a repository into one graph.
   *
   * @param extraEdges dependencies found by other rules (framework conventions, config keys); an
   *     edge whose ends are not declarations of {@code files} is ignored and counted in {@link
   *     #ignoredExtraEdges()}
   */
  public static CodeGraph link(Collection<FileFacts> files, Collection<Edge> extraEdges) {
    return link(files, () -> extraEdges);
  }

  /**
   * As {@link #link(Collection, Collection)}, with the extra edges asked for only once the code
   * itself is linked, so that they can be computed meanwhile on another thread.
   */
  public static CodeGraph link(
      Collection<FileFacts> files, Supplier<? extends Collection<Edge>> extraEdges) {
    Linker linker = new Linker();
    linker.link(files, extraEdges);
    return new CodeGraph(linker);
  }

  /**
   * As {@link #link(Collection, Supplier)}, from the linked base of the other side of a change:
   * only the files the change replaced, and those whose references it can resolve differently, are
   * linked; the others' edges are copied. The graph is the one {@link #link} gives. When the base
   * does not fit {@code files}, everything is linked.
   *
   * @param base the base side, linked
   * @param baseFiles the facts {@code base} was linked from
   * @param changedPaths the paths of the files the change touches, on either side
   */
  public static CodeGraph relink(
      Collection<FileFacts> files,
      Supplier<? extends Collection<Edge>> extraEdges,
      LinkedBase base,
      Collection<FileFacts> baseFiles,
      Set<String> changedPaths) {
    Linker linker = new Linker();
    try {
      linker.link(files, extraEdges, new Relink(base, baseFiles, changedPaths));
      return new CodeGraph(linker);
    } catch (Relink.Stale e) {
      Linker full = new Linker();
      full.link(files, extraEdges);
      full.unfitBase = e.getMessage();
      return new CodeGraph(full);
    }
  }

  /**
   * Why the base given to {@link #relink} did not fit, so that everything was linked instead; a
   * fault in the relinking rules, never expected.
   */
  public Optional<String> unfitBase() {
    return unfitBase;
  }

  /** How many files were linked from their references; the others' edges were copied. */
  public int linkedFiles() {
    return linkedFiles;
  }

  public int nodeCount() {
    return symbols.length;
  }

  /** Distinct {@code from → to} pairs. */
  public int edgeCount() {
    return from.length;
  }

  /** Where a declaration is, if it is a node. */
  public Optional<Location> location(Symbol symbol) {
    Integer id = ids.get(symbol);
    return id == null ? Optional.empty() : Optional.of(location(id));
  }

  Location location(int id) {
    return new Location(paths[id], lines[id], kinds[id]);
  }

  /** The first node, in name order, that {@code test} accepts. */
  public Optional<Symbol> find(Predicate<Symbol> test) {
    return Arrays.stream(symbols).filter(test).min(Comparator.comparing(Symbol::qualified));
  }

  /** Whether a declaration is a node. */
  public boolean contains(Symbol symbol) {
    return ids.containsKey(symbol);
  }

  /**
   * The declarations that directly depend on {@code symbol}, with the edge's label and confidence.
   */
  public List<Edge> dependents(Symbol symbol) {
    Integer id = ids.get(symbol);
    if (id == null) {
      return List.of();
    }
    List<Edge> out = new ArrayList<>();
    for (int e = offsets[id]; e < offsets[id + 1]; e++) {
      out.add(
          new Edge(
              symbols[from[e]], symbol, vias[via[e]], CONFIDENCES[confidence[e]], edgeLines[e]));
    }
    return out;
  }

  /** References left unlinked because their name alone would fan out too far. */
  public List<Escalation> escalations() {
    return escalations;
  }

  /** Extra edges whose ends were not in the index. */
  public int ignoredExtraEdges() {
    return ignoredExtraEdges;
  }

  /** Everything that transitively depends on {@code seeds}: the blast radius. */
  public ReverseReach reach(Collection<Symbol> seeds) {
    return ReverseReach.of(this, seeds);
  }

  int id(Symbol symbol) {
    Integer id = ids.get(symbol);
    return id == null ? -1 : id;
  }

  static Confidence confidenceOf(int ordinal) {
    return CONFIDENCES[ordinal];
  }
}
