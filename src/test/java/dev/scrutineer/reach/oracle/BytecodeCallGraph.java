package dev.scrutineer.reach.oracle;

import dev.scrutineer.model.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ParameterNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The reach oracle: a call graph read from a compiled fixture's class files with ASM, with nodes
 * named as {@link Symbol} names declarations, so a static reach engine's answers can be compared
 * with what the compiler actually produced.
 *
 * <h2>Edges</h2>
 *
 * An edge {@code u → v} means <em>u depends on v</em>: u's code calls v, reads or writes field v,
 * creates an object with constructor v, or may run v through dynamic dispatch. Only declarations of
 * the fixture are nodes; calls into the JDK are dropped. Types are not nodes.
 *
 * <ul>
 *   <li><b>Calls.</b> {@code invokestatic}, {@code invokespecial} ({@code super.m()}, private
 *       methods, constructors) go to the method the JVM resolves from the instruction's owner (a
 *       static or inherited method named through a subclass is found in the class that declares
 *       it). {@code invokevirtual} and {@code invokeinterface} go to that resolved method <em>and,
 *       by class-hierarchy analysis, to the method each fixture subtype of the owner would select
 *       at run time</em>: its own or inherited override, or a default method it inherits. Subtypes
 *       of JDK types count too: a call to {@code Runnable.run()} reaches every fixture {@code
 *       run()} implementing it.
 *   <li><b>Fields.</b> {@code getfield}, {@code putfield}, {@code getstatic}, {@code putstatic} go
 *       to the field the JVM resolves (interface constants included). Writes are edges like reads:
 *       the writer depends on the field's declaration, and a field does not depend on its writers.
 *   <li><b>Constants javac inlines.</b> A compile-time constant leaves no instruction behind, and a
 *       {@code switch} reads enum constants through a synthetic {@code $SwitchMap} class, so these
 *       uses are taken from the compiler's attributed trees instead ({@link
 *       FixtureCompiler.SourceFacts#inlinedReferences()}), as edges to the constant.
 *   <li><b>Method references and other {@code invokedynamic}.</b> Every method or field handle
 *       among the bootstrap arguments is an edge from the code that holds the instruction: {@code
 *       Foo::bar} (static, bound or unbound, with dispatch for virtual handles), {@code Foo::new}
 *       (the constructor), a record's {@code toString}/{@code equals}/{@code hashCode} (its
 *       fields).
 *   <li><b>Class initialization.</b> A source {@code static {}} block runs before the first {@code
 *       new}, static call or static field access of its class or a subclass (JVMS 5.5), so each
 *       such instruction is also an edge to {@code static{}} of the class and its superclasses that
 *       have one.
 * </ul>
 *
 * <h2>Whose code is it</h2>
 *
 * Every instruction is attributed to the source declaration it was written in:
 *
 * <ul>
 *   <li>A <b>lambda</b> body ({@code lambda$name$0}) belongs to the code holding the {@code
 *       invokedynamic} that creates it, recursively for nested lambdas.
 *   <li>An <b>anonymous or local class</b> (and anything nested in one) belongs to the code that
 *       instantiates it ({@code new Outer$1}), or, when it is never instantiated, to the method
 *       named by its {@code EnclosingMethod} attribute. Its methods, fields and constructors are
 *       not nodes: a call to them is a call to that enclosing member, and a call that dispatches
 *       into them (an anonymous {@code Runnable}) reaches the enclosing member.
 *   <li><b>Constructors</b> ({@code <init>}) are named like their type, with the outer instance,
 *       enum name and ordinal, and captured variables left out of the parameters (the {@code
 *       synthetic}/{@code mandated} entries of {@code MethodParameters}).
 *   <li><b>Field initializers and instance initializer blocks</b> that javac copies into every
 *       constructor belong to the field ({@code Type#field}) or to {@code Type#{}}, found by their
 *       source lines; each constructor holding such a copy depends on that field or block. So a
 *       method called by an initializer reaches the field (and the field's readers), the
 *       constructors and whoever creates the object.
 *   <li><b>{@code <clinit>}</b> is split the same way: static field initializers (and enum
 *       constants, with their constant bodies) belong to the field, source {@code static {}} blocks
 *       to {@code Type#static{}}. What remains ({@code $VALUES}, assertion flags) is dropped unless
 *       the type declares a static block.
 *   <li><b>Bridge methods</b> are transparent: a call that lands on one goes on to what it calls.
 *       Other synthetic members (enum {@code $values()}, {@code this$0}, switch maps) are dropped.
 *   <li>Members the compiler declares implicitly (default constructors, enum {@code values()} and
 *       {@code valueOf(String)}, record accessors, canonical constructors and {@code equals}/{@code
 *       hashCode}/{@code toString}) are nodes under the names they would have if written out;
 *       {@link FixtureCompiler.SourceFacts#implicit()} lists them.
 * </ul>
 *
 * <h2>Reverse reach and dispatch</h2>
 *
 * {@link #reverseReach} follows edges backwards. Because a virtual call has an edge to every
 * override it may dispatch to, changing {@code DefaultOrderService#get(long)} reaches the callers
 * of {@code OrderService.get(long)} (a call through the interface may run the implementation), but
 * not the interface method {@code OrderService#get(long)} itself: an override does not depend on
 * the declaration it overrides, and the abstract declaration does not depend on its
 * implementations. Conversely, changing the interface method reaches its callers and not its
 * implementations. A {@code super.m()} call reaches only that one method.
 *
 * <h2>What it does not see</h2>
 *
 * <ul>
 *   <li>Anything reflective: framework wiring, serialization, templates. {@link #annotations} keeps
 *       each member's annotations so a test can name entry points itself.
 *   <li>Types as such: casts, {@code instanceof}, class literals and annotations make no edges.
 *   <li>Two initializers on one source line cannot be told apart (class files have lines, not
 *       columns): the code goes to the first. Fixtures keep one initializer a line.
 *   <li>Class-hierarchy analysis over-approximates: a call to {@code Runnable.run()} reaches every
 *       fixture {@code Runnable}, whatever the receiver can actually be.
 * </ul>
 */
final class BytecodeCallGraph {
  private static final String BRIDGE = "\u0000bridge ";
  private static final String LAMBDA_PREFIX = "lambda$";

  private final Map<String, Set<String>> callees;
  private final Map<String, Set<String>> callers;
  private final Set<String> nodes;
  private final Map<String, Set<String>> annotations;

  private BytecodeCallGraph(
      Set<String> nodes, Map<String, Set<String>> callees, Map<String, Set<String>> annotations) {
    this.nodes = Collections.unmodifiableSet(new TreeSet<>(nodes));
    Map<String, Set<String>> forward = new TreeMap<>();
    Map<String, Set<String>> backward = new TreeMap<>();
    callees.forEach(
        (from, tos) -> {
          for (String to : tos) {
            forward.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
            backward.computeIfAbsent(to, k -> new TreeSet<>()).add(from);
          }
        });
    this.callees = freeze(forward);
    this.callers = freeze(backward);
    this.annotations = freeze(annotations);
  }

  private static Map<String, Set<String>> freeze(Map<String, Set<String>> map) {
    Map<String, Set<String>> copy = new TreeMap<>();
    map.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  /** Reads the class files of a compiled fixture. */
  static BytecodeCallGraph of(FixtureCompiler.Compiled compiled) {
    return new Builder(compiled, true).build();
  }

  /**
   * As {@link #of}, without the dispatch of calls on a receiver typed {@code java.lang.Object} (or
   * a type variable, which erases to it): by class-hierarchy analysis such a call reaches every
   * {@code equals}, {@code hashCode} or {@code toString} of the code base, an edge the engine does
   * not draw by design.
   */
  static BytecodeCallGraph withoutObjectDispatch(FixtureCompiler.Compiled compiled) {
    return new Builder(compiled, false).build();
  }

  /**
   * Every declaration of the fixture that is a node: methods, constructors, fields, initializers.
   */
  Set<String> nodes() {
    return nodes;
  }

  /** Each node → the nodes it depends on directly. */
  Map<String, Set<String>> callees() {
    return callees;
  }

  /** Each node → the nodes that depend on it directly. */
  Map<String, Set<String>> callers() {
    return callers;
  }

  int edgeCount() {
    return callees.values().stream().mapToInt(Set::size).sum();
  }

  /**
   * The annotation types (binary names, {@code org.junit.jupiter.api.Test}) on a method or field,
   * as written on it; empty for other nodes.
   */
  Set<String> annotations(String symbol) {
    return annotations.getOrDefault(symbol, Set.of());
  }

  /**
   * Every node that transitively depends on one of {@code changed}, the changed ones excluded.
   *
   * @throws IllegalArgumentException when a symbol is not a node, naming the nodes of its type, so
   *     a misspelt symbol fails instead of reaching nothing
   */
  Set<String> reverseReach(Set<String> changed) {
    for (String symbol : changed) {
      if (!nodes.contains(symbol)) {
        String type = symbol.contains("#") ? symbol.substring(0, symbol.indexOf('#')) : symbol;
        List<String> same = nodes.stream().filter(n -> n.startsWith(type + "#")).toList();
        throw new IllegalArgumentException(
            symbol
                + " is not a declaration of the fixture's call graph"
                + (same.isEmpty() ? "" : "; " + type + " has: " + String.join(", ", same)));
      }
    }
    Set<String> seen = new TreeSet<>(changed);
    Deque<String> work = new ArrayDeque<>(changed);
    while (!work.isEmpty()) {
      for (String caller : callers.getOrDefault(work.poll(), Set.of())) {
        if (seen.add(caller)) {
          work.add(caller);
        }
      }
    }
    seen.removeAll(changed);
    return Collections.unmodifiableSet(seen);
  }

  /** A class file with what the builder derives about it. */
  private static final class ClassInfo {
    final ClassNode node;
    final Map<String, MethodNode> methods = new HashMap<>();
    final Map<String, FieldNode> fields = new HashMap<>();

    /** Nested in a local or anonymous class, or one: its code belongs to an enclosing member. */
    boolean folded;

    /** For named classes: the symbol, {@code com.x.Outer.Inner}. */
    String symbol;

    /** The source name: {@code Inner}; empty for anonymous classes. */
    String simpleName;

    ClassInfo(ClassNode node) {
      this.node = node;
      for (MethodNode method : node.methods) {
        methods.put(method.name + method.desc, method);
      }
      for (FieldNode field : node.fields) {
        fields.put(field.name, field);
      }
    }

    boolean synthetic() {
      return (node.access & Opcodes.ACC_SYNTHETIC) != 0;
    }

    String binaryName() {
      return node.name.replace('/', '.');
    }
  }

  /** Where an instruction is: its class, method and source line. */
  private record Site(String owner, MethodNode method, int line) {}

  private static final class Builder {
    private final FixtureCompiler.SourceFacts facts;
    private final Map<String, ClassInfo> classes = new TreeMap<>();
    private final Map<String, List<Site>> newSites = new HashMap<>();
    private final Map<String, Site> lambdaSites = new HashMap<>();
    private final Map<String, Set<String>> ancestors = new HashMap<>();
    private final Map<String, List<String>> subtypes = new HashMap<>();
    private final Map<String, String> typesBySymbol = new HashMap<>();
    private final Map<String, String> foldTargets = new HashMap<>();
    private final Set<String> folding = new HashSet<>();
    private final Map<String, Set<String>> edges = new TreeMap<>();
    private final Set<String> nodes = new TreeSet<>();
    private final Map<String, Set<String>> annotations = new TreeMap<>();

    /** Whether a call on a receiver typed {@code Object} dispatches into the fixture. */
    private final boolean objectDispatch;

    Builder(FixtureCompiler.Compiled compiled, boolean objectDispatch) {
      this.facts = compiled.facts();
      this.objectDispatch = objectDispatch;
      try (Stream<Path> files = Files.walk(compiled.classes())) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
          ClassNode node = new ClassNode();
          try (InputStream in = Files.newInputStream(file)) {
            new ClassReader(in).accept(node, 0);
          }
          classes.put(node.name, new ClassInfo(node));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    BytecodeCallGraph build() {
      nameClasses();
      indexSites();
      indexHierarchy();
      for (ClassInfo info : classes.values()) {
        if (!info.synthetic()) {
          declareNodes(info);
          for (MethodNode method : info.node.methods) {
            scan(info, method);
          }
        }
      }
      facts.inlinedReferences().forEach((user, used) -> used.forEach(u -> edge(user, u)));
      return new BytecodeCallGraph(nodes, collapseBridges(), annotations);
    }

    // ---- names

    private void nameClasses() {
      Map<String, InnerClassNode> inner = new HashMap<>();
      for (ClassInfo info : classes.values()) {
        for (InnerClassNode entry : info.node.innerClasses) {
          inner.putIfAbsent(entry.name, entry);
        }
      }
      for (ClassInfo info : classes.values()) {
        InnerClassNode entry = inner.get(info.node.name);
        String name = info.node.name;
        if (entry == null) {
          info.simpleName = name.substring(name.lastIndexOf('/') + 1);
        } else {
          info.simpleName = entry.innerName == null ? "" : entry.innerName;
        }
      }
      for (ClassInfo info : classes.values()) {
        symbolOf(info);
        if (info.symbol != null) {
          typesBySymbol.put(info.symbol, info.node.name);
        }
      }
    }

    /** Names a class, or marks it folded; outer classes first. */
    private void symbolOf(ClassInfo info) {
      if (info.symbol != null || info.folded) {
        return;
      }
      InnerClassNode entry =
          info.node.innerClasses.stream()
              .filter(e -> e.name.equals(info.node.name))
              .findFirst()
              .orElse(null);
      String name = info.node.name;
      if (entry == null) {
        int slash = name.lastIndexOf('/');
        String pkg = slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
        info.symbol = new Symbol(pkg, info.simpleName).qualified();
      } else if (entry.innerName == null || entry.outerName == null) {
        info.folded = true; // anonymous or local
      } else {
        ClassInfo outer = classes.get(entry.outerName);
        symbolOf(outer);
        if (outer.folded) {
          info.folded = true;
        } else {
          info.symbol = outer.symbol + "." + entry.innerName;
        }
      }
    }

    /**
     * The simple source name of a type in a descriptor: {@code Inner}, {@code Entry}, {@code
     * int[]}.
     */
    private String simpleName(Type type) {
      switch (type.getSort()) {
        case Type.ARRAY -> {
          return simpleName(type.getElementType()) + "[]".repeat(type.getDimensions());
        }
        case Type.OBJECT -> {
          ClassInfo info = classes.get(type.getInternalName());
          if (info != null) {
            return info.simpleName;
          }
          String name = type.getInternalName();
          return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('$')) + 1);
        }
        default -> {
          return type.getClassName();
        }
      }
    }

    private String methodSymbol(ClassInfo info, MethodNode method) {
      boolean constructor = method.name.equals("<init>");
      Type[] parameters = Type.getArgumentTypes(method.desc);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < parameters.length; i++) {
        if (!implicitParameter(method, i, constructor && !isRecord(info), parameters.length)) {
          names.add(simpleName(parameters[i]));
        }
      }
      return info.symbol
          + "#"
          + (constructor ? info.simpleName : method.name)
          + "("
          + String.join(",", names)
          + ")";
    }

    /**
     * A record is never an inner class: its constructors have no outer instance. Compilers from
     * Java 21 on mark the parameters of a compact canonical constructor mandated, which they are:
     * the source declares them through the record's components.
     */
    private static boolean isRecord(ClassInfo info) {
      return "java/lang/Record".equals(info.node.superName);
    }

    /**
     * A parameter the source does not declare: captured variables and enum name and ordinal
     * (synthetic), and a constructor's outer instance (mandated). A method's mandated parameter is
     * real: {@code valueOf(String name)} of an enum.
     */
    private static boolean implicitParameter(
        MethodNode method, int index, boolean constructor, int count) {
      List<ParameterNode> parameters = method.parameters;
      if (parameters == null || parameters.size() != count) {
        return false;
      }
      int access = parameters.get(index).access;
      return (access & Opcodes.ACC_SYNTHETIC) != 0
          || (constructor && (access & Opcodes.ACC_MANDATED) != 0);
    }

    private String staticInitializer(ClassInfo info) {
      String symbol = info.symbol + "#static{}";
      return facts.declared().contains(symbol) ? symbol : null;
    }

    // ---- who owns which code

    private void indexSites() {
      for (ClassInfo info : classes.values()) {
        for (MethodNode method : info.node.methods) {
          int line = 0;
          for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
              line = number.line;
            } else if (insn instanceof TypeInsnNode type && insn.getOpcode() == Opcodes.NEW) {
              if (!type.desc.equals(info.node.name)) {
                newSites
                    .computeIfAbsent(type.desc, k -> new ArrayList<>())
                    .add(new Site(info.node.name, method, line));
              }
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
              for (Object argument : indy.bsmArgs) {
                if (argument instanceof Handle handle && isLambdaBody(handle)) {
                  lambdaSites.putIfAbsent(
                      handle.getOwner() + "." + handle.getName() + handle.getDesc(),
                      new Site(info.node.name, method, line));
                }
              }
            }
          }
        }
      }
    }

    private boolean isLambdaBody(Handle handle) {
      ClassInfo info = classes.get(handle.getOwner());
      if (info == null || !handle.getName().startsWith(LAMBDA_PREFIX)) {
        return false;
      }
      MethodNode method = info.methods.get(handle.getName() + handle.getDesc());
      return method != null && (method.access & Opcodes.ACC_SYNTHETIC) != 0;
    }

    /** The member a folded class's code belongs to; null when it never runs from source code. */
    private String foldTarget(ClassInfo info) {
      if (foldTargets.containsKey(info.node.name)) {
        return foldTargets.get(info.node.name);
      }
      if (!folding.add(info.node.name)) {
        return null; // local classes creating each other: an outer site decides
      }
      String target = null;
      InnerClassNode entry =
          info.node.innerClasses.stream()
              .filter(e -> e.name.equals(info.node.name))
              .findFirst()
              .orElse(null);
      if (entry != null && entry.innerName != null && entry.outerName != null) {
        target = foldTarget(classes.get(entry.outerName)); // a member of a local class
      } else {
        for (Site site : newSites.getOrDefault(info.node.name, List.of())) {
          target = ownerAt(site);
          if (target != null) {
            break;
          }
        }
        if (target == null && info.node.outerMethod != null) {
          target =
              memberOwner(info.node.outerClass, info.node.outerMethod, info.node.outerMethodDesc);
        }
      }
      folding.remove(info.node.name);
      foldTargets.put(info.node.name, target);
      return target;
    }

    /** Whose code the instruction at {@code site} is. */
    private String ownerAt(Site site) {
      ClassInfo info = classes.get(site.owner());
      if (info.synthetic()) {
        return null;
      }
      if (info.folded) {
        return foldTarget(info);
      }
      String name = site.method().name;
      if (name.equals("<init>") || name.equals("<clinit>")) {
        boolean isStatic = name.equals("<clinit>");
        for (FixtureCompiler.InitializerRange range :
            facts.initializers().getOrDefault(info.binaryName(), List.of())) {
          if (range.isStatic() == isStatic && range.contains(site.line())) {
            return range.member();
          }
        }
      }
      return memberOwner(site.owner(), name, site.method().desc);
    }

    /** Whose code a whole method is; null for JDK, dropped synthetic code and unknown methods. */
    private String memberOwner(String owner, String name, String desc) {
      ClassInfo info = classes.get(owner);
      if (info == null || info.synthetic()) {
        return null;
      }
      if (info.folded) {
        return foldTarget(info);
      }
      MethodNode method = info.methods.get(name + desc);
      if (method == null) {
        return null;
      }
      if ((method.access & Opcodes.ACC_BRIDGE) != 0) {
        return BRIDGE + owner + "." + name + desc;
      }
      if ((method.access & Opcodes.ACC_SYNTHETIC) != 0) {
        Site site =
            name.startsWith(LAMBDA_PREFIX) ? lambdaSites.get(owner + "." + name + desc) : null;
        return site == null ? null : ownerAt(site);
      }
      if (name.equals("<clinit>")) {
        return staticInitializer(info);
      }
      return methodSymbol(info, method);
    }

    private String fieldOwner(String owner, FieldNode field) {
      ClassInfo info = classes.get(owner);
      if ((field.access & Opcodes.ACC_SYNTHETIC) != 0 || info.synthetic()) {
        return null;
      }
      return info.folded ? foldTarget(info) : info.symbol + "#" + field.name;
    }

    // ---- hierarchy

    private void indexHierarchy() {
      for (ClassInfo info : classes.values()) {
        for (String ancestor : ancestorsOf(info.node.name)) {
          subtypes.computeIfAbsent(ancestor, k -> new ArrayList<>()).add(info.node.name);
        }
      }
    }

    /** A type, its superclasses and superinterfaces, transitively; JDK ones by reflection. */
    private Set<String> ancestorsOf(String type) {
      Set<String> known = ancestors.get(type);
      if (known != null) {
        return known;
      }
      Set<String> all = new LinkedHashSet<>();
      all.add(type);
      ClassInfo info = classes.get(type);
      if (info != null) {
        if (info.node.superName != null) {
          all.addAll(ancestorsOf(info.node.superName));
        }
        for (String implemented : info.node.interfaces) {
          all.addAll(ancestorsOf(implemented));
        }
      } else {
        try {
          Class<?> jdk =
              Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
          if (jdk.getSuperclass() != null) {
            all.addAll(ancestorsOf(Type.getInternalName(jdk.getSuperclass())));
          }
          for (Class<?> implemented : jdk.getInterfaces()) {
            all.addAll(ancestorsOf(Type.getInternalName(implemented)));
          }
        } catch (ClassNotFoundException | LinkageError e) {
          // Not a JDK type either: it stays a root.
        }
      }
      ancestors.put(type, all);
      return all;
    }

    /** A declared method, as JVM resolution finds it from {@code owner} (JVMS 5.4.3.3). */
    private Declared resolveMethod(String owner, String name, String desc) {
      for (String c = owner; c != null; ) {
        ClassInfo info = classes.get(c);
        if (info == null) {
          break;
        }
        MethodNode method = info.methods.get(name + desc);
        if (method != null) {
          return new Declared(c, method);
        }
        c = info.node.superName;
      }
      for (String ancestor : ancestorsOf(owner)) {
        ClassInfo info = classes.get(ancestor);
        MethodNode method = info == null ? null : info.methods.get(name + desc);
        if (method != null && (method.access & Opcodes.ACC_STATIC) == 0) {
          return new Declared(ancestor, method);
        }
      }
      return null;
    }

    /** The methods a virtual call may run on an instance of exactly {@code type} (JVMS 5.4.6). */
    private List<Declared> select(String type, String name, String desc) {
      for (String c = type; c != null; ) {
        ClassInfo info = classes.get(c);
        if (info == null) {
          break; // a JDK superclass: whatever it selects is not a fixture declaration
        }
        MethodNode method = info.methods.get(name + desc);
        if (method != null && (method.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0) {
          return List.of(new Declared(c, method));
        }
        c = info.node.superName;
      }
      List<Declared> defaults = new ArrayList<>();
      for (String ancestor : ancestorsOf(type)) {
        ClassInfo info = classes.get(ancestor);
        MethodNode method = info == null ? null : info.methods.get(name + desc);
        if (method != null
            && (info.node.access & Opcodes.ACC_INTERFACE) != 0
            && (method.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_ABSTRACT))
                == 0) {
          defaults.add(new Declared(ancestor, method));
        }
      }
      return defaults;
    }

    private record Declared(String owner, MethodNode method) {}

    private FieldTarget resolveField(String owner, String name) {
      ClassInfo info = classes.get(owner);
      if (info == null) {
        return null;
      }
      FieldNode field = info.fields.get(name);
      if (field != null) {
        return new FieldTarget(owner, field);
      }
      for (String implemented : info.node.interfaces) {
        FieldTarget found = resolveField(implemented, name);
        if (found != null) {
          return found;
        }
      }
      return info.node.superName == null ? null : resolveField(info.node.superName, name);
    }

    private record FieldTarget(String owner, FieldNode field) {}

    // ---- edges

    private void declareNodes(ClassInfo info) {
      if (info.folded) {
        return;
      }
      for (MethodNode method : info.node.methods) {
        if ((method.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0
            && !method.name.equals("<clinit>")) {
          String symbol = methodSymbol(info, method);
          nodes.add(symbol);
          annotate(symbol, method.visibleAnnotations, method.invisibleAnnotations);
        }
      }
      for (FieldNode field : info.node.fields) {
        if ((field.access & Opcodes.ACC_SYNTHETIC) == 0) {
          String symbol = info.symbol + "#" + field.name;
          nodes.add(symbol);
          annotate(symbol, field.visibleAnnotations, field.invisibleAnnotations);
        }
      }
      for (String initializer : List.of("#static{}", "#{}")) {
        if (facts.declared().contains(info.symbol + initializer)) {
          nodes.add(info.symbol + initializer);
        }
      }
    }

    private void annotate(
        String symbol, List<AnnotationNode> visible, List<AnnotationNode> hidden) {
      for (List<AnnotationNode> list : Arrays.asList(visible, hidden)) {
        for (AnnotationNode annotation : list == null ? List.<AnnotationNode>of() : list) {
          annotations
              .computeIfAbsent(symbol, k -> new TreeSet<>())
              .add(Type.getType(annotation.desc).getClassName());
        }
      }
    }

    private void scan(ClassInfo info, MethodNode method) {
      boolean initializerCode = !info.folded && method.name.startsWith("<");
      String methodOwner =
          initializerCode && method.name.equals("<init>")
              ? methodSymbol(info, method)
              : memberOwner(info.node.name, method.name, method.desc);
      int line = 0;
      String owner = methodOwner;
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof LineNumberNode number) {
          line = number.line;
          if (initializerCode) {
            owner = ownerAt(new Site(info.node.name, method, line));
            if (owner != null && methodOwner != null && method.name.equals("<init>")) {
              edge(methodOwner, owner); // the constructor runs the initializer
            }
          }
          continue;
        }
        if (owner == null) {
          continue;
        }
        if (insn instanceof MethodInsnNode call) {
          calls(owner, call.getOpcode(), call.owner, call.name, call.desc);
        } else if (insn instanceof FieldInsnNode access) {
          FieldTarget target = resolveField(access.owner, access.name);
          if (target != null) {
            edge(owner, fieldOwner(target.owner(), target.field()));
            if (access.getOpcode() == Opcodes.GETSTATIC
                || access.getOpcode() == Opcodes.PUTSTATIC) {
              initializes(owner, target.owner());
            }
          }
        } else if (insn instanceof TypeInsnNode type && insn.getOpcode() == Opcodes.NEW) {
          initializes(owner, type.desc);
        } else if (insn instanceof InvokeDynamicInsnNode indy) {
          for (Object argument : indy.bsmArgs) {
            if (argument instanceof Handle handle && !isLambdaBody(handle)) {
              handle(owner, handle);
            }
          }
        }
      }
    }

    private void handle(String owner, Handle handle) {
      switch (handle.getTag()) {
        case Opcodes.H_GETFIELD, Opcodes.H_GETSTATIC, Opcodes.H_PUTFIELD, Opcodes.H_PUTSTATIC -> {
          FieldTarget target = resolveField(handle.getOwner(), handle.getName());
          if (target != null) {
            edge(owner, fieldOwner(target.owner(), target.field()));
          }
        }
        case Opcodes.H_INVOKEVIRTUAL ->
            calls(
                owner,
                Opcodes.INVOKEVIRTUAL,
                handle.getOwner(),
                handle.getName(),
                handle.getDesc());
        case Opcodes.H_INVOKEINTERFACE ->
            calls(
                owner,
                Opcodes.INVOKEINTERFACE,
                handle.getOwner(),
                handle.getName(),
                handle.getDesc());
        case Opcodes.H_INVOKESTATIC ->
            calls(
                owner, Opcodes.INVOKESTATIC, handle.getOwner(), handle.getName(), handle.getDesc());
        default ->
            calls( // H_INVOKESPECIAL, H_NEWINVOKESPECIAL
                owner,
                Opcodes.INVOKESPECIAL,
                handle.getOwner(),
                handle.getName(),
                handle.getDesc());
      }
    }

    private void calls(String owner, int opcode, String target, String name, String desc) {
      if (target.startsWith("[")) {
        return; // clone() of an array
      }
      Declared resolved = resolveMethod(target, name, desc);
      if (resolved != null) {
        edge(owner, memberOwner(resolved.owner(), name, desc));
        if (opcode == Opcodes.INVOKESTATIC) {
          initializes(owner, resolved.owner());
        }
      }
      boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
      if (!virtual
          || (!objectDispatch && target.equals("java/lang/Object"))
          || (resolved != null
              && (resolved.method().access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) != 0)) {
        return;
      }
      for (String subtype : subtypes.getOrDefault(target, List.of())) {
        for (Declared selected : select(subtype, name, desc)) {
          edge(owner, memberOwner(selected.owner(), name, desc));
        }
      }
    }

    /**
     * The instruction initializes {@code type}: it depends on its and its superclasses' static{}.
     * Code of the class itself or of a subclass only runs once they are initialized, so for it the
     * edge would say nothing.
     */
    private void initializes(String owner, String type) {
      String ownerClass = typesBySymbol.get(owner.substring(0, Math.max(0, owner.indexOf('#'))));
      if (ownerClass != null && ancestorsOf(ownerClass).contains(type)) {
        return;
      }
      for (String c = type; c != null; ) {
        ClassInfo info = classes.get(c);
        if (info == null || info.synthetic()) {
          return;
        }
        if (!info.folded) {
          edge(owner, staticInitializer(info));
        }
        c = info.node.superName;
      }
    }

    private void edge(String from, String to) {
      if (from != null && to != null && !from.equals(to)) {
        edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        if (!from.startsWith(BRIDGE)) {
          nodes.add(from);
        }
        if (!to.startsWith(BRIDGE)) {
          nodes.add(to);
        }
      }
    }

    /** Edges into a bridge method go on to what the bridge calls. */
    private Map<String, Set<String>> collapseBridges() {
      Map<String, Set<String>> result = new TreeMap<>();
      edges.forEach(
          (from, tos) -> {
            if (from.startsWith(BRIDGE)) {
              return;
            }
            Set<String> targets = new TreeSet<>();
            Deque<String> work = new ArrayDeque<>(tos);
            Set<String> seen = new HashSet<>();
            while (!work.isEmpty()) {
              String to = work.poll();
              if (!seen.add(to)) {
                continue;
              }
              if (to.startsWith(BRIDGE)) {
                work.addAll(edges.getOrDefault(to, Set.of()));
              } else if (!to.equals(from)) {
                targets.add(to);
              }
            }
            result.put(from, targets);
          });
      return result;
    }
  }
}
