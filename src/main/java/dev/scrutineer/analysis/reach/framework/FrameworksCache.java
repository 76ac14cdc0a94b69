package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.index.CodeIndex;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.StringScreen;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.store.CacheFiles;
import dev.scrutineer.store.KeyedFiles;
import dev.scrutineer.store.RulesFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The framework facts of merge-bases, kept as files, so that a change on a known merge-base works
 * out only the edges of the Java files it edits, when it keeps their declarations ({@link
 * CodeFrameworks}). Like the other caches it never fails its caller: facts that cannot be read or
 * written are found again, with a diagnostic.
 */
public final class FrameworksCache {
  /** Merge-bases kept; each is a few megabytes for a large repository. */
  static final int KEPT = 4;

  /** A fingerprint of the rules: facts stored by other rules are never used. */
  static final String RULES =
      RulesFingerprint.of(
          "frameworks",
          List.of(
              TypeIndex.class,
              EntryPoints.class,
              TestRules.class,
              IndirectEdges.class,
              BuildModules.class,
              CodeFrameworks.class,
              FrameworksCodec.class,
              FrameworksCache.class,
              StringScreen.class));

  private final CacheFiles files;

  private FrameworksCache(CacheFiles files) {
    this.files = files;
  }

  /** Facts in {@code directory}, created when first stored. */
  public static FrameworksCache in(Path directory) {
    return new FrameworksCache(
        CacheFiles.in(directory, ".frameworks", KEPT, "the stored framework facts", "found again"));
  }

  /** No cache: every code base is scanned whole. */
  public static FrameworksCache none() {
    return new FrameworksCache(CacheFiles.none());
  }

  /**
   * What is stored for a merge-base.
   *
   * @param rules the {@link #RULES} that found {@code facts}
   * @param contentIds what its Java files are, by path, as {@link CodeIndex#contentIds} gives them
   * @param buildFiles the blob id of each of its build files, by path
   */
  record Stored(
      String rules,
      SortedMap<String, String> contentIds,
      SortedMap<String, String> buildFiles,
      CodeFrameworks facts) {}

  /**
   * The framework facts of the head of {@code change}, as {@link FrameworkFacts#analyze} finds
   * them:
   *
   * <ul>
   *   <li>updated from the merge-base's stored facts, when there are some ({@link
   *       CodeFrameworks#update}: the rules run again only for the types of the Java files the
   *       change touches and the types that looked up a name those files declare differently);
   *   <li>else, in the same way, from the most recently stored facts of a code base with the same
   *       build files whose Java files differ from the merge-base's in at most half of them (as in
   *       CI, where the merge-base moves with every merge), counting those files as changed too;
   *   <li>else by scanning the head, and the merge-base's facts are stored.
   * </ul>
   *
   * The build's modules are read again when the change touches a build file.
   *
   * @param baseKey what the merge-base's Java files are, as their content ids say (the stored
   *     graph's key)
   */
  public FrameworkFacts analyze(
      String baseKey,
      CodeIndex base,
      SourceTree baseTree,
      CodeIndex head,
      SourceTree headTree,
      ChangeSet change) {
    Supplier<TypeIndex> headTypes = memoized(() -> new TypeIndex(head.files()));
    Optional<SortedMap<String, String>> buildFiles = buildFiles(baseTree);
    Optional<String> key = buildFiles.map(b -> key(baseKey, b));
    Optional<Stored> stored = key.flatMap(k -> files.read(k, FrameworksCodec::decode));
    Set<String> changed = javaPaths(change);
    Set<String> kept = declaringTheSame(changed, base, head);
    CodeFrameworks code;
    if (stored.isPresent()) {
      code = updated(stored.get().facts(), headTypes.get(), changed, kept, head, headTree, change);
    } else {
      Map<String, String> contentIds = base.contentIds();
      Optional<Stored> near = buildFiles.flatMap(b -> near(b, contentIds));
      if (near.isPresent()) {
        Set<String> drifted = CodeIndex.differing(near.get().contentIds(), contentIds);
        Set<String> all = new HashSet<>(drifted);
        all.addAll(changed);
        Set<String> keptHere = new HashSet<>(kept);
        keptHere.removeAll(drifted);
        code = updated(near.get().facts(), headTypes.get(), all, keptHere, head, headTree, change);
      } else {
        code = CodeFrameworks.scan(headTypes.get(), head.files(), headTree, changedPaths(change));
        key.ifPresent(
            k -> store(k, contentIds, buildFiles.get(), code, base, baseTree, change, kept));
      }
    }
    return FrameworkFacts.of(code, headTypes, headTree, change);
  }

  /**
   * {@code before} updated for the code base {@code types} indexes, whose Java files differ at
   * {@code changed}; with the modules of {@code tree}'s build when the change touches it.
   */
  private static CodeFrameworks updated(
      CodeFrameworks before,
      TypeIndex types,
      Set<String> changed,
      Set<String> kept,
      CodeIndex index,
      SourceTree tree,
      ChangeSet change) {
    if (!touchesBuildFiles(change)) {
      return before.update(types, changed, kept);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Module> layout =
        BuildModules.layout(tree, index.files(), changedPaths(change), diagnostics);
    return before.update(types, changed, kept, layout, diagnostics);
  }

  /**
   * Stores the merge-base's facts, derived from the head's {@code code}: the merge-base differs
   * from the head as the head from the merge-base.
   */
  private void store(
      String key,
      Map<String, String> contentIds,
      SortedMap<String, String> buildFiles,
      CodeFrameworks code,
      CodeIndex base,
      SourceTree baseTree,
      ChangeSet change,
      Set<String> kept) {
    TypeIndex baseTypes = new TypeIndex(base.files());
    CodeFrameworks baseCode;
    if (touchesBuildFiles(change)) {
      List<Diagnostic> diagnostics = new ArrayList<>();
      List<Module> layout = BuildModules.layout(baseTree, base.files(), List.of(), diagnostics);
      baseCode = code.update(baseTypes, javaPaths(change), kept, layout, diagnostics);
    } else {
      baseCode = code.update(baseTypes, javaPaths(change), kept);
    }
    Stored stored = new Stored(RULES, new TreeMap<>(contentIds), buildFiles, baseCode);
    files.write(key, () -> FrameworksCodec.encode(stored));
  }

  /**
   * The most recently stored facts, when they are of these rules and of a code base with {@code
   * buildFiles} whose Java files differ from {@code contentIds} in at most half of them.
   */
  private Optional<Stored> near(
      SortedMap<String, String> buildFiles, Map<String, String> contentIds) {
    for (Path file : files.newestFirst()) {
      Optional<Stored> stored;
      try {
        stored = Optional.of(FrameworksCodec.decode(KeyedFiles.map(file)));
      } catch (IOException e) {
        continue; // being replaced, or of another format: not one to start from
      }
      return stored.filter(
          s ->
              s.rules().equals(RULES)
                  && s.buildFiles().equals(buildFiles)
                  && CodeIndex.differing(s.contentIds(), contentIds).size()
                      <= contentIds.size() / 2);
    }
    return Optional.empty();
  }

  /** What went wrong with the cache, at most one entry; empty while it works. */
  public List<Diagnostic> diagnostics() {
    return files.failure().map(Diagnostic::warning).stream().toList();
  }

  /**
   * The blob id of each build file of {@code tree}, by path; empty when it cannot list its files.
   */
  private static Optional<SortedMap<String, String>> buildFiles(SourceTree tree) {
    try {
      return Optional.of(tree.blobIdsOfFilesNamed(BuildModules.BUILD_FILE_NAMES));
    } catch (UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /**
   * The key of a merge-base's facts: its Java files ({@code baseKey}), its build files (which give
   * the modules) and the rules.
   */
  static String key(String baseKey, SortedMap<String, String> buildFiles) {
    MessageDigest sha1 = sha1();
    sha1.update((baseKey + "\n" + RULES + "\n").getBytes(StandardCharsets.UTF_8));
    buildFiles.forEach(
        (path, id) -> sha1.update((path + "\0" + id + "\n").getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(sha1.digest());
  }

  /**
   * The files of {@code changed} that both sides have, each declaring the same on both ({@link
   * #sameDeclarations}).
   */
  static Set<String> declaringTheSame(Set<String> changed, CodeIndex base, CodeIndex head) {
    Set<String> same = new HashSet<>();
    for (String path : changed) {
      Optional<FileFacts> before = base.file(path);
      Optional<FileFacts> after = head.file(path);
      if (before.isPresent() && after.isPresent() && sameDeclarations(before.get(), after.get())) {
        same.add(path);
      }
    }
    return same;
  }

  /**
   * Whether two readings of a file declare the same: package, imports, and every type and member
   * with its modifiers, annotations, supertypes and signature. Lines and bodies do not count.
   */
  static boolean sameDeclarations(FileFacts a, FileFacts b) {
    if (a.problem().isPresent()
        || b.problem().isPresent()
        || !a.packageName().equals(b.packageName())
        || !a.imports().equals(b.imports())
        || a.types().size() != b.types().size()) {
      return false;
    }
    for (int i = 0; i < a.types().size(); i++) {
      if (!sameDeclarations(a.types().get(i), b.types().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameDeclarations(TypeFact a, TypeFact b) {
    if (!a.symbol().equals(b.symbol())
        || a.kind() != b.kind()
        || !a.modifiers().equals(b.modifiers())
        || !a.annotations().equals(b.annotations())
        || !a.supertypes().equals(b.supertypes())
        || !a.lambdaParameters().equals(b.lambdaParameters())
        || a.members().size() != b.members().size()) {
      return false;
    }
    for (int i = 0; i < a.members().size(); i++) {
      if (!sameDeclarations(a.members().get(i), b.members().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameDeclarations(MemberFact a, MemberFact b) {
    return a.symbol().equals(b.symbol())
        && a.kind() == b.kind()
        && a.name().equals(b.name())
        && a.modifiers().equals(b.modifiers())
        && a.annotations().equals(b.annotations())
        && a.parameterTypes().equals(b.parameterTypes())
        && a.varargs() == b.varargs()
        && a.type().equals(b.type())
        && a.parameterAnnotations().equals(b.parameterAnnotations())
        && a.genericParameterTypes().equals(b.genericParameterTypes());
  }

  private static boolean touchesBuildFiles(ChangeSet change) {
    return change.files().stream()
        .flatMap(FrameworksCache::paths)
        .anyMatch(BuildModules::isBuildFile);
  }

  /** The paths of the Java files {@code change} touches, on either side. */
  private static Set<String> javaPaths(ChangeSet change) {
    Set<String> java = new HashSet<>();
    change.files().stream()
        .flatMap(FrameworksCache::paths)
        .filter(FrameworksCache::isJava)
        .forEach(java::add);
    return java;
  }

  private static Stream<String> paths(FileChange file) {
    return Stream.of(file.oldPath(), file.newPath()).flatMap(Optional::stream);
  }

  private static boolean isJava(String path) {
    return path.endsWith(".java");
  }

  private static List<String> changedPaths(ChangeSet change) {
    return change.files().stream().map(FileChange::path).toList();
  }

  private static <T> Supplier<T> memoized(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
