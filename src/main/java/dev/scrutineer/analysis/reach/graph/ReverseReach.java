package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.ReachStep;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What transitively depends on a set of changed declarations, each with the confidence of its best
 * chain and one shortest chain of that confidence.
 *
 * <p>A node's confidence is the best, over every chain from a seed, of the weakest edge on the
 * chain. It is found with one breadth-first pass per confidence level, strongest first, each pass
 * following only edges at least that strong: a node first reached in the pass for level c has
 * confidence c, and that pass's BFS tree gives a shortest chain among those of confidence c.
 *
 * <p>Class-level envelope: a changed field, enum constant, record component, initializer or
 * annotation member also reaches whatever depends on its declaring type (the type joins the seeds
 * one step further, via {@code member-of}, with medium confidence). A changed type reaches its
 * members through their {@code member-of} edges.
 */
public final class ReverseReach {
  private static final int SEED = -1;
  private static final int ENVELOPE = -2;
  private static final int LEVELS = 3;

  private final CodeGraph graph;
  private final int[] seedIds;
  private final Set<Symbol> unknownSeeds;

  /** Per node: the confidence ordinal of its best chain, -1 if not reached. */
  private final byte[] best;

  /** Per level: the BFS tree of that pass (parent node; edge index, SEED or ENVELOPE). */
  private final int[][] parent = new int[LEVELS][];

  private final int[][] parentEdge = new int[LEVELS][];
  private Set<Symbol> reached;

  private ReverseReach(CodeGraph graph, int[] seedIds, Set<Symbol> unknownSeeds) {
    this.graph = graph;
    this.seedIds = seedIds;
    this.unknownSeeds = unknownSeeds;
    int n = graph.nodeCount();
    best = new byte[n];
    java.util.Arrays.fill(best, (byte) -1);
    run();
  }

  static ReverseReach of(CodeGraph graph, Collection<Symbol> seeds) {
    Set<Symbol> unknown = new LinkedHashSet<>();
    Set<Integer> ids = new LinkedHashSet<>();
    for (Symbol s : seeds) {
      int id = graph.id(s);
      if (id < 0) {
        unknown.add(s);
      } else {
        ids.add(id);
      }
    }
    return new ReverseReach(
        graph,
        ids.stream().mapToInt(Integer::intValue).toArray(),
        Collections.unmodifiableSet(unknown));
  }

  private static boolean classLevel(DeclarationKind kind) {
    return switch (kind) {
      case FIELD,
          ENUM_CONSTANT,
          RECORD_COMPONENT,
          STATIC_INITIALIZER,
          INSTANCE_INITIALIZER,
          ANNOTATION_MEMBER ->
          true;
      default -> false;
    };
  }

  private void run() {
    int n = graph.nodeCount();
    int[] offsets = graph.offsets;
    int[] from = graph.from;
    byte[] confidence = graph.confidence;
    int[] queue = new int[n];
    int[] mark = new int[n];
    for (int level = LEVELS - 1; level >= 0; level--) {
      int stamp = level + 1;
      int[] par = new int[n];
      int[] parEdge = new int[n];
      parent[level] = par;
      parentEdge[level] = parEdge;
      int head = 0;
      int tail = 0;
      for (int s : seedIds) {
        if (mark[s] != stamp) {
          mark[s] = stamp;
          par[s] = -1;
          parEdge[s] = SEED;
          queue[tail++] = s;
          if (best[s] < level) {
            best[s] = (byte) level;
          }
        }
      }
      if (level <= Confidence.MEDIUM.ordinal()) {
        for (int s : seedIds) {
          int owner = graph.owners[s];
          if (owner >= 0 && classLevel(graph.kinds[s]) && mark[owner] != stamp) {
            mark[owner] = stamp;
            par[owner] = s;
            parEdge[owner] = ENVELOPE;
            queue[tail++] = owner;
            if (best[owner] < level) {
              best[owner] = (byte) level;
            }
          }
        }
      }
      while (head < tail) {
        int v = queue[head++];
        for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
          if (confidence[e] < level) {
            continue;
          }
          int u = from[e];
          if (mark[u] != stamp) {
            mark[u] = stamp;
            par[u] = v;
            parEdge[u] = e;
            queue[tail++] = u;
            if (best[u] < level) {
              best[u] = (byte) level;
            }
          }
        }
      }
    }
  }

  /** Every declaration reached, the seeds excluded. */
  public Set<Symbol> reached() {
    if (reached == null) {
      Set<Symbol> out = new LinkedHashSet<>();
      boolean[] seed = new boolean[graph.nodeCount()];
      for (int s : seedIds) {
        seed[s] = true;
      }
      for (int v = 0; v < best.length; v++) {
        if (best[v] >= 0 && !seed[v]) {
          out.add(graph.symbols[v]);
        }
      }
      reached = Collections.unmodifiableSet(out);
    }
    return reached;
  }

  /**
   * How many of {@link #reached} have each confidence, by its ordinal; counted over the walk's
   * arrays rather than by looking each reached symbol up again.
   */
  public int[] countsByConfidence() {
    int[] counts = new int[LEVELS];
    boolean[] seed = new boolean[graph.nodeCount()];
    for (int s : seedIds) {
      seed[s] = true;
    }
    for (int v = 0; v < best.length; v++) {
      if (best[v] >= 0 && !seed[v]) {
        counts[best[v]]++;
      }
    }
    return counts;
  }

  /** The seeds that are declarations of the graph. */
  public Set<Symbol> seeds() {
    Set<Symbol> out = new LinkedHashSet<>();
    for (int s : seedIds) {
      out.add(graph.symbols[s]);
    }
    return Collections.unmodifiableSet(out);
  }

  /** Seeds that are not declarations of the graph (a file that could not be read, say). */
  public Set<Symbol> unknownSeeds() {
    return unknownSeeds;
  }

  public boolean isReached(Symbol symbol) {
    int id = graph.id(symbol);
    return id >= 0 && best[id] >= 0;
  }

  /**
   * The confidence of the best chain from a seed to {@code symbol}: the weakest edge on it; {@code
   * HIGH} for a seed.
   *
   * @throws IllegalArgumentException when {@code symbol} is neither a seed nor reached
   */
  public Confidence confidence(Symbol symbol) {
    return CodeGraph.confidenceOf(best[bestOf(symbol)]);
  }

  /**
   * The seeds, then every declaration reached in node order: what {@link #seeds} and {@link
   * #reached} name, without looking any of them up again.
   */
  public List<Touched> touched() {
    List<Touched> out = new ArrayList<>();
    boolean[] seed = new boolean[graph.nodeCount()];
    for (int s : seedIds) {
      if (!seed[s]) {
        seed[s] = true;
        out.add(new Touched(s));
      }
    }
    for (int v = 0; v < best.length; v++) {
      if (best[v] >= 0 && !seed[v]) {
        out.add(new Touched(v));
      }
    }
    return out;
  }

  /** A seed or a declaration reached, with what the walk found for it. */
  public final class Touched {
    private final int node;

    private Touched(int node) {
      this.node = node;
    }

    public Symbol symbol() {
      return graph.symbols[node];
    }

    /** The file that declares it. */
    public String path() {
      return graph.paths[node];
    }

    public int line() {
      return graph.lines[node];
    }

    /** As {@link ReverseReach#confidence}. */
    public Confidence confidence() {
      return CodeGraph.confidenceOf(best[node]);
    }

    /** As {@link ReverseReach#origin}. */
    public Symbol origin() {
      return graph.symbols[originOf(node)];
    }

    /** As {@link ReverseReach#hops}. */
    public int hops() {
      return hopsOf(node);
    }

    /** As {@link ReverseReach#chain}. */
    public List<ReachStep> chain() {
      return chainOf(node);
    }
  }

  private int bestOf(Symbol symbol) {
    int id = graph.id(symbol);
    if (id < 0 || best[id] < 0) {
      throw new IllegalArgumentException(
          symbol + " is not reached from the seeds; check reached() or isReached() first");
    }
    return id;
  }

  /**
   * The seed {@link #chain} of {@code symbol} starts at, found without building the chain.
   *
   * @throws IllegalArgumentException when {@code symbol} is neither a seed nor reached
   */
  public Symbol origin(Symbol symbol) {
    return graph.symbols[originOf(bestOf(symbol))];
  }

  private int originOf(int node) {
    int v = node;
    int[] par = parent[best[v]];
    while (par[v] >= 0) {
      v = par[v];
    }
    return v;
  }

  /**
   * The edges on {@link #chain} of {@code symbol}: its length less one, 0 for a seed.
   *
   * @throws IllegalArgumentException when {@code symbol} is neither a seed nor reached
   */
  public int hops(Symbol symbol) {
    return hopsOf(bestOf(symbol));
  }

  private int hopsOf(int node) {
    int v = node;
    int[] par = parent[best[v]];
    int hops = 0;
    for (; par[v] >= 0; v = par[v]) {
      hops++;
    }
    return hops;
  }

  /**
   * One shortest chain of the best confidence from a seed to {@code symbol}: the seed first (via
   * {@code changed}), {@code symbol} last. Each step carries its declaration's path and line, the
   * label of the edge by which it depends on the step before, and the confidence of the chain up to
   * it (the minimum of the edges so far).
   *
   * @throws IllegalArgumentException when {@code symbol} is neither a seed nor reached
   */
  public List<ReachStep> chain(Symbol symbol) {
    return chainOf(bestOf(symbol));
  }

  private List<ReachStep> chainOf(int id) {
    int level = best[id];
    int[] par = parent[level];
    int[] parEdge = parentEdge[level];
    List<Integer> nodes = new ArrayList<>();
    for (int v = id; v >= 0; v = par[v]) {
      nodes.add(v);
    }
    Collections.reverse(nodes);
    List<ReachStep> chain = new ArrayList<>(nodes.size());
    Confidence running = Confidence.HIGH;
    for (int v : nodes) {
      int e = parEdge[v];
      String via;
      if (e == SEED) {
        via = "changed";
      } else if (e == ENVELOPE) {
        via = "member-of";
        running = running.min(Confidence.MEDIUM);
      } else {
        via = graph.vias[graph.via[e]];
        running = running.min(CodeGraph.confidenceOf(graph.confidence[e]));
      }
      chain.add(new ReachStep(graph.symbols[v], graph.paths[v], graph.lines[v], via, running));
    }
    return List.copyOf(chain);
  }
}
