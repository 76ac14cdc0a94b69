package dev.scrutineer.analysis.reach.graph;

import static dev.scrutineer.analysis.reach.index.Reference.Receiver.CHAIN;
import static dev.scrutineer.analysis.reach.index.Reference.Receiver.EXPRESSION;
import static dev.scrutineer.analysis.reach.index.Reference.Receiver.NAME;
import static dev.scrutineer.analysis.reach.index.Reference.Receiver.NONE;
import static dev.scrutineer.analysis.reach.index.Reference.ReferenceKind.CALL;
import static dev.scrutineer.analysis.reach.index.Reference.ReferenceKind.METHOD_REFERENCE;
import static dev.scrutineer.analysis.reach.index.Reference.ReferenceKind.TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.Reference;
import dev.scrutineer.analysis.reach.index.Reference.Receiver;
import dev.scrutineer.analysis.reach.index.Reference.ReferenceKind;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Re-linking a change on top of a linked base gives exactly the graph a full link of the head
 * gives: same nodes, same edges in the same order with the same labels, same escalations. The code
 * bases are small and dense (a handful of type, member and package names used over and over), so
 * that every edit collides with lookups elsewhere: added and removed overloads, supertypes that
 * start or stop resolving, constructors, initializers, static imports, nested types, name-only
 * fallbacks.
 */
class RelinkProperties {
  private static final String[] PACKAGES = {"p", "q"};
  // Runnable and Supplier are also the JDK's functional interfaces, which lambdas are passed as.
  private static final String[] TYPES = {"A", "B", "C", "D", "E", "Runnable"};
  // Appendable's append is overloaded: a call's arguments choose which its implementations run.
  private static final String[] METHODS = {"m", "n", "get", "run", "append"};
  private static final String[] FIELDS = {"f", "g", "K"};
  private static final String[] PARAMS = {
    "int", "String", "Object", "A", "Runnable", "Supplier", "char", "CharSequence"
  };

  @Property(tries = 2000)
  void relinkingAChangeGivesTheFullGraph(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    Map<String, FileFacts> base = new TreeMap<>();
    int files = 4 + random.nextInt(6);
    for (int i = 0; i < files; i++) {
      FileFacts f = file(random, i);
      base.put(f.path(), f);
    }
    Map<String, FileFacts> head = new TreeMap<>(base);
    Set<String> changed = new HashSet<>();
    int edits = 1 + random.nextInt(3);
    List<String> paths = new ArrayList<>(base.keySet());
    for (int e = 0; e < edits; e++) {
      String path = paths.get(random.nextInt(paths.size()));
      changed.add(path);
      switch (random.nextInt(4)) {
        case 0 -> head.remove(path);
        case 1 -> head.put(path, rewritten(file(random, paths.indexOf(path)), path));
        case 2 -> head.computeIfPresent(path, (p, f) -> mutate(random, f));
        default -> {
          FileFacts added = file(random, files + e);
          head.put(added.path(), added);
          changed.add(added.path());
        }
      }
    }

    relinkGivesTheFullGraph(base, head, changed);
  }

  /**
   * Whether a method returns its receiver's type ({@code B} of a class typed by itself) decides
   * where a chain through it goes, its written type the same: {@code a.self().n()} calls {@code
   * A}'s {@code n} or {@code D}'s. The file with the chain is linked again.
   */
  @Example
  void aMethodThatComesToReturnItsReceiversTypeRelinksTheChainsThroughIt() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/D.java", codeBase("D", List.of(method("D", "n", List.of()))));
    base.put(
        "p/A.java",
        codeBase("A", List.of(returning("A", "self", "D", false), method("A", "n", List.of()))));
    Reference chained =
        new Reference(
            ReferenceKind.CALL, "n", 0, Receiver.CHAIN, Optional.of("A#self/0"), List.of(), 9);
    base.put(
        "p/C.java",
        codeBase(
            "C",
            List.of(member("p", "C", DeclarationKind.METHOD, "go", "void", List.of(chained)))));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put(
        "p/A.java",
        codeBase("A", List.of(returning("A", "self", "D", true), method("A", "n", List.of()))));

    relinkGivesTheFullGraph(base, head, Set.of("p/A.java"));
  }

  private static MemberFact returning(String owner, String name, String type, boolean self) {
    return new MemberFact(
        new Symbol("p", owner + "#" + name + "()"),
        DeclarationKind.METHOD,
        name,
        Set.of(),
        List.of(),
        List.of(),
        false,
        type,
        List.of(),
        5,
        6,
        List.of(),
        List.of(),
        self);
  }

  /**
   * A member's return type decides where a chain in another file goes ({@code A.f.m()} with {@code
   * f} now a {@code D}): that file is linked again.
   */
  @Example
  void aChangedTypeOfAMemberRelinksTheChainsThroughIt() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    for (String name : List.of("B", "D")) {
      base.put(
          "p/" + name + ".java",
          codeBase(
              name, List.of(member("p", name, DeclarationKind.METHOD, "m", "void", List.of()))));
    }
    base.put("p/C.java", callingThroughAF());
    base.put(
        "p/A.java",
        codeBase("A", List.of(member("p", "A", DeclarationKind.FIELD, "f", "B", List.of()))));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put(
        "p/A.java",
        codeBase("A", List.of(member("p", "A", DeclarationKind.FIELD, "f", "D", List.of()))));

    relinkGivesTheFullGraph(base, head, Set.of("p/A.java"));
  }

  /**
   * An argument's type decides between overloads ({@code t.m(b)} with {@code m(A)} and {@code
   * m(String)}): when {@code B} comes to extend {@code A}, the file passing a {@code B} is linked
   * again, though it names neither {@code A} nor anything {@code B} declares.
   */
  @Example
  void aChangedSupertypeOfAnArgumentRelinksTheCallsItIsPassedTo() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/A.java", codeBase("A", List.of()));
    base.put("p/B.java", codeBase("B", List.of()));
    base.put(
        "p/T.java",
        codeBase(
            "T", List.of(method("T", "m", List.of("A")), method("T", "m", List.of("String")))));
    base.put("p/C.java", passing("B"));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/B.java", declaring("p", "B", DeclarationKind.CLASS, List.of("A"), List.of()));

    relinkGivesTheFullGraph(base, head, Set.of("p/B.java"));
  }

  /**
   * A file's imports say which types its parameters are, which decides which overload is the most
   * specific: when {@code T} stops importing {@code q.A}, its {@code m(A)} takes the {@code p.A}
   * that is a {@code B}, and a call fitting both {@code m(A)} and {@code m(B)} now means {@code
   * m(A)} alone.
   */
  @Example
  void changedImportsRelinkTheCallsToTheFilesMethods() throws IOException {
    stopImportingQualifiedA(
        List.of(method("T", "m", List.of("A")), method("T", "m", List.of("B"))), passing("X"));
  }

  /**
   * A type's supertype outside the index can change with its file's imports alone: {@code class E
   * extends E} names itself while its file imports {@code p.*} (and so has no supertype), and an
   * unknown library type once it imports {@code r.E}. Its subtype {@code B} then inherits from a
   * library, and its unqualified call {@code n()}, no longer a method of the index for sure, is not
   * linked by name to {@code D.n()}.
   */
  @Example
  void changedImportsRelinkTheSubtypesOfATypeWhoseLibrarySupertypesTheyChange() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    FileFacts extending = declaring("p", "E", DeclarationKind.CLASS, List.of("E"), List.of());
    base.put("p/E.java", importing(extending, new ImportFact("p", false, true)));
    Reference unqualified = new Reference(CALL, "n", 0, NONE, Optional.empty(), List.of(), 9);
    base.put(
        "p/B.java",
        declaring(
            "p",
            "B",
            DeclarationKind.CLASS,
            List.of("E"),
            List.of(member("p", "B", DeclarationKind.METHOD, "go", "void", List.of(unqualified)))));
    base.put("p/D.java", codeBase("D", List.of(method("D", "n", List.of()))));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/E.java", importing(extending, new ImportFact("r.E", false, false)));
    relinkGivesTheFullGraph(base, head, Set.of("p/E.java"));
  }

  /**
   * The same for constructors, which other files reach by the type's name: when {@code T} stops
   * importing {@code q.A}, {@code new T(x)} with an {@code X} means {@code T(A)} alone.
   */
  @Example
  void changedImportsRelinkTheConstructionsOfTheFilesTypes() throws IOException {
    Reference construction =
        new Reference(
            ReferenceKind.NEW, "T", 1, Receiver.NONE, Optional.of("T"), List.of(), "X", 9);
    stopImportingQualifiedA(
        List.of(constructor("T", "A"), constructor("T", "B")),
        codeBase(
            "C",
            List.of(
                member("p", "C", DeclarationKind.METHOD, "go", "void", List.of(construction)))));
  }

  /**
   * {@code p.T}, declaring {@code overloads} that take an {@code A} or a {@code B}, stops importing
   * {@code q.A}: its {@code A} becomes {@code p.A}, a {@code B}. {@code caller} passes an {@code
   * X}, which is both a {@code q.A} and a {@code B}.
   */
  private static void stopImportingQualifiedA(List<MemberFact> overloads, FileFacts caller)
      throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/A.java", declaring("p", "A", DeclarationKind.CLASS, List.of("B"), List.of()));
    base.put("p/B.java", declaring("p", "B", DeclarationKind.INTERFACE, List.of(), List.of()));
    base.put("q/A.java", declaring("q", "A", DeclarationKind.CLASS, List.of(), List.of()));
    base.put(
        "p/X.java", declaring("p", "X", DeclarationKind.CLASS, List.of("q.A", "B"), List.of()));
    FileFacts declaring = declaring("p", "T", DeclarationKind.CLASS, List.of(), overloads);
    base.put("p/T.java", importing(declaring, new ImportFact("q.A", false, false)));
    base.put(caller.path(), caller);
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/T.java", declaring);

    relinkGivesTheFullGraph(base, head, Set.of("p/T.java"));
  }

  /** {@code file} with {@code imports}. */
  private static FileFacts importing(FileFacts file, ImportFact... imports) {
    return new FileFacts(
        file.path(), file.packageName(), List.of(imports), file.types(), Optional.empty());
  }

  /**
   * A lambda fits a parameter by its functional interface's method: {@code t.m(x -> x)} means
   * {@code m(Function)}, not {@code m(Supplier)}, while {@code Supplier} is the JDK's only. When
   * the index comes to have a type of that name, which interface {@code m} takes is no longer
   * known, and the file passing the lambda is linked again, though it names neither.
   */
  @Example
  void aTypeNamedLikeAFunctionalInterfaceRelinksTheLambdasPassedAsIt() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    FileFacts declaring =
        declaring(
            "p",
            "T",
            DeclarationKind.CLASS,
            List.of(),
            List.of(method("T", "m", List.of("Supplier")), method("T", "m", List.of("Function"))));
    base.put("p/T.java", importing(declaring, new ImportFact("java.util.function", false, true)));
    base.put("p/C.java", passing(Reference.lambda(1)));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/Supplier.java", codeBase("Supplier", List.of()));

    relinkGivesTheFullGraph(base, head, Set.of("p/Supplier.java"));
  }

  /**
   * A type that comes into a package hides the one an on-demand import gave its files: {@code A.f}
   * of type {@code B} was a {@code q.B} and is a {@code p.B} now, so {@code A.f.m()} in another
   * file no longer calls {@code q.B.m()}, though that file names neither {@code B}.
   */
  @Example
  void aTypeHidingAnImportedOneRelinksTheChainsThroughItsName() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put(
        "q/B.java",
        declaring(
            "q", "B", DeclarationKind.CLASS, List.of(), List.of(method("B", "m", List.of()))));
    FileFacts a =
        declaring(
            "p",
            "A",
            DeclarationKind.CLASS,
            List.of(),
            List.of(member("p", "A", DeclarationKind.FIELD, "f", "B", List.of())));
    base.put("p/A.java", importing(a, new ImportFact("q", false, true)));
    base.put("p/C.java", callingThroughAF());
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/B.java", codeBase("B", List.of()));

    relinkGivesTheFullGraph(base, head, Set.of("p/B.java"));
  }

  /**
   * A type added with a method of a name too common to link by name alone ({@code get}): a call to
   * that name on a receiver of unknown type stays escalated, and the count of methods it could be a
   * call to, which has grown by one, is taken from the head though its file is not linked again.
   */
  @Example
  void aTypeAddedWithACommonlyNamedMethodCountsItForEscalatedCalls() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/B.java", codeBase("B", List.of(method("B", "get", List.of()))));
    base.put("p/C.java", calling(new Reference(CALL, "get", 0, EXPRESSION, none(), List.of(), 9)));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/N.java", codeBase("N", List.of(method("N", "get", List.of()))));

    relinkGivesTheFullGraph(base, head, Set.of("p/N.java"));
  }

  /**
   * A lambda's parameters are typed by the type arguments its interface says they are: when {@code
   * F<S, T>}'s lambdas come to take a {@code T} first instead of an {@code S}, the file calling
   * {@code go()} on one is linked again, though nothing it names was changed.
   */
  @Example
  void anInterfaceWhoseLambdasTakeOtherTypeArgumentsRelinksTheLambdasOfIt() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/F.java", lambdasTaking(List.of("~0")));
    for (String name : List.of("S", "T")) {
      base.put("p/" + name + ".java", codeBase(name, List.of(method(name, "go", List.of()))));
    }
    base.put(
        "p/C.java",
        calling(new Reference(CALL, "go", 0, CHAIN, Optional.of("F<S,T>#~.0"), List.of(), 9)));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/F.java", lambdasTaking(List.of("~1")));

    relinkGivesTheFullGraph(base, head, Set.of("p/F.java"));
  }

  /**
   * A lambda passed to {@code T.m(F<S, U>)} takes what {@code F}'s lambdas take: when that becomes
   * a {@code U}, the file passing it to {@code m} is linked again, though it names neither {@code
   * F} nor anything changed.
   */
  @Example
  void anInterfaceWhoseLambdasTakeOtherTypeArgumentsRelinksTheLambdasPassedAsIt()
      throws IOException {
    Map<String, FileFacts> base = lambdaPassedTo("F<S,U>");
    base.put("p/F.java", lambdasTaking(List.of("~0")));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/F.java", lambdasTaking(List.of("~1")));

    relinkGivesTheFullGraph(base, head, Set.of("p/F.java"));
  }

  /**
   * And when the interface stops being one whose lambdas' parameters are known (a second abstract
   * method, say): {@code T.m(F<S, U>)} no longer takes a lambda whose parameter is known.
   */
  @Example
  void anInterfaceWhoseLambdasAreNoLongerKnownRelinksTheLambdasPassedAsIt() throws IOException {
    Map<String, FileFacts> base = lambdaPassedTo("F<S,U>");
    base.put("p/F.java", lambdasTaking(List.of("~0")));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/F.java", lambdasTaking(List.of()));

    relinkGivesTheFullGraph(base, head, Set.of("p/F.java"));
  }

  /**
   * The same when {@code T.m(Consumer<S>)} comes to take a {@code Consumer<U>}: the same erasure,
   * but another type for the lambda's parameter.
   */
  @Example
  void aMethodTakingAnotherTypeArgumentRelinksTheLambdasPassedToIt() throws IOException {
    Map<String, FileFacts> base = lambdaPassedTo("Consumer<S>");
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.putAll(lambdaPassedTo("Consumer<U>"));

    relinkGivesTheFullGraph(base, head, Set.of("p/T.java"));
  }

  /**
   * And when the type argument comes to name a type of the index: {@code S} is added, which {@code
   * T.m(Consumer<S>)} names and the file passing the lambda does not.
   */
  @Example
  void aTypeAddedThatAMethodsTypeArgumentNamesRelinksTheLambdasPassedToIt() throws IOException {
    Map<String, FileFacts> head = lambdaPassedTo("Consumer<S>");
    Map<String, FileFacts> base = new TreeMap<>(head);
    base.remove("p/S.java");

    relinkGivesTheFullGraph(base, head, Set.of("p/S.java"));
  }

  /**
   * {@code C.go()} calls {@code get()} on the parameter of a lambda it passes to {@code T.m}, whose
   * parameter is written {@code functional}; {@code S} and {@code U} both have a {@code get()}, a
   * name too common for a type added with it to relink every file calling one.
   */
  private static Map<String, FileFacts> lambdaPassedTo(String functional) {
    Map<String, FileFacts> files = new TreeMap<>();
    for (String name : List.of("S", "U")) {
      files.put("p/" + name + ".java", codeBase(name, List.of(method(name, "get", List.of()))));
    }
    String erased = functional.substring(0, functional.indexOf('<'));
    MemberFact m =
        new MemberFact(
            new Symbol("p", "T#m(" + erased + ")"),
            DeclarationKind.METHOD,
            "m",
            Set.of(),
            List.of(),
            List.of(erased),
            false,
            "void",
            List.of(List.of()),
            5,
            6,
            List.of(),
            List.of(functional),
            false);
    files.put(
        "p/T.java",
        importing(
            codeBase("T", List.of(m)),
            new ImportFact("java.util.function.Consumer", false, false)));
    files.put(
        "p/C.java",
        calling(new Reference(CALL, "get", 0, CHAIN, Optional.of("T#m/1~0.0"), List.of(), 9)));
    return files;
  }

  /**
   * An interface's lambdas take a type its own file names: when {@code F}'s {@code S} comes to be a
   * type of the index, the file whose lambda calls {@code get()} on one is linked again, though the
   * only name it shares with the change is the too common {@code get}.
   */
  @Example
  void aTypeAddedThatAnInterfacesLambdasTakeRelinksTheLambdasOfIt() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/F.java", lambdasTaking(List.of("S")));
    base.put(
        "p/C.java",
        calling(new Reference(CALL, "get", 0, CHAIN, Optional.of("F#~.0"), List.of(), 9)));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/S.java", codeBase("S", List.of(method("S", "get", List.of()))));

    relinkGivesTheFullGraph(base, head, Set.of("p/S.java"));
  }

  /** The interface {@code p.F} whose lambdas take the given types. */
  private static FileFacts lambdasTaking(List<String> typeParameters) {
    TypeFact f =
        new TypeFact(
            new Symbol("p", "F"),
            DeclarationKind.INTERFACE,
            Set.of(),
            List.of(),
            List.of(),
            1,
            20,
            List.of(method("F", "accept", List.of("Object"))),
            typeParameters);
    return new FileFacts("p/F.java", "p", List.of(), List.of(f), Optional.empty());
  }

  /**
   * A type added that implements a JDK interface is a target of calls on that interface's type,
   * which do not name it: {@code s.get()} on a {@code Supplier} now reaches {@code N.get()}.
   */
  @Example
  void aTypeAddedUnderALibraryTypeRelinksTheCallsOnThatType() throws IOException {
    supplierAdded(new Reference(CALL, "get", 0, NAME, Optional.of("Supplier"), List.of(), 9));
  }

  /** The same for a method reference: {@code Supplier::get} now reaches {@code N.get()} too. */
  @Example
  void aTypeAddedUnderALibraryTypeRelinksTheMethodReferencesToThatTypesMethods()
      throws IOException {
    supplierAdded(
        new Reference(METHOD_REFERENCE, "get", -1, NAME, Optional.of("Supplier"), List.of(), 9));
  }

  /** {@code C.go()} makes {@code use} of a {@code Supplier}; the head adds {@code N}, one. */
  private static void supplierAdded(Reference use) throws IOException {
    ImportFact supplier = new ImportFact("java.util.function.Supplier", false, false);
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/C.java", importing(calling(use), supplier));
    Map<String, FileFacts> head = new TreeMap<>(base);
    FileFacts added =
        declaring(
            "p",
            "N",
            DeclarationKind.CLASS,
            List.of("Supplier"),
            List.of(method("N", "get", List.of())));
    head.put("p/N.java", importing(added, supplier));

    relinkGivesTheFullGraph(base, head, Set.of("p/N.java"));
  }

  /**
   * A member type added is named through its enclosing type ({@code O.I}) in a file of another
   * package that its simple name does not reach: that file is linked again.
   */
  @Example
  void aMemberTypeAddedRelinksTheFilesNamingItThroughItsEnclosingType() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/O.java", codeBase("O", List.of()));
    FileFacts user =
        new FileFacts(
            "q/C.java",
            "q",
            List.of(new ImportFact("p.O", false, false)),
            List.of(
                new TypeFact(
                    new Symbol("q", "C"),
                    DeclarationKind.CLASS,
                    Set.of(),
                    List.of(),
                    List.of(),
                    1,
                    20,
                    List.of(
                        member(
                            "q",
                            "C",
                            DeclarationKind.METHOD,
                            "go",
                            "void",
                            List.of(new Reference(TYPE, "O.I", 0, NONE, none(), List.of(), 9)))))),
            Optional.empty());
    base.put("q/C.java", user);
    Map<String, FileFacts> head = new TreeMap<>(base);
    TypeFact outer = codeBase("O", List.of()).types().get(0);
    TypeFact inner =
        new TypeFact(
            new Symbol("p", "O.I"),
            DeclarationKind.CLASS,
            Set.of("static"),
            List.of(),
            List.of(),
            2,
            3,
            List.of());
    head.put(
        "p/O.java",
        new FileFacts("p/O.java", "p", List.of(), List.of(outer, inner), Optional.empty()));

    relinkGivesTheFullGraph(base, head, Set.of("p/O.java"));
  }

  /** A type added is named by its simple name in the files of its package. */
  @Example
  void aTypeAddedRelinksTheFilesOfItsPackageNamingIt() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/C.java", calling(new Reference(TYPE, "N", 0, NONE, none(), List.of(), 9)));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/N.java", codeBase("N", List.of()));

    relinkGivesTheFullGraph(base, head, Set.of("p/N.java"));
  }

  /**
   * A method added to {@code T} is inherited by its subtype {@code S}: {@code s.n()} on an {@code
   * S} now reaches it, though its file names neither {@code T} nor anything {@code T} declares. A
   * call of that name on an unrelated type's receiver ({@code v.n()}) is not linked again.
   */
  @Example
  void aMemberAddedRelinksTheCallsOnItsSubtypesOnly() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/T.java", codeBase("T", List.of()));
    base.put("p/S.java", declaring("p", "S", DeclarationKind.CLASS, List.of("T"), List.of()));
    base.put("p/V.java", codeBase("V", List.of(method("V", "n", List.of()))));
    base.put(
        "p/C.java", calling(new Reference(CALL, "n", 0, NAME, Optional.of("S"), List.of(), 9)));
    base.put(
        "p/U.java",
        codeBase(
            "U",
            List.of(
                member(
                    "p",
                    "U",
                    DeclarationKind.METHOD,
                    "go",
                    "void",
                    List.of(new Reference(CALL, "n", 0, NAME, Optional.of("V"), List.of(), 9))))));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/T.java", codeBase("T", List.of(method("T", "n", List.of()))));

    // T and C, which calls n on an S; not U, which calls it on a V, nor S or V.
    assertThat(relinkGivesTheFullGraph(base, head, Set.of("p/T.java"))).isEqualTo(2);
  }

  /**
   * A method added to a type that implements a JDK interface is a target of that interface's calls:
   * {@code r.run()} on a {@code Runnable} now reaches {@code T.run()}.
   */
  @Example
  void aMemberAddedRelinksTheCallsOnTheLibraryTypesItsTypeExtends() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put(
        "p/T.java", declaring("p", "T", DeclarationKind.CLASS, List.of("Runnable"), List.of()));
    base.put(
        "p/C.java",
        calling(new Reference(CALL, "run", 0, NAME, Optional.of("Runnable"), List.of(), 9)));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put(
        "p/T.java",
        declaring(
            "p",
            "T",
            DeclarationKind.CLASS,
            List.of("Runnable"),
            List.of(method("T", "run", List.of()))));

    relinkGivesTheFullGraph(base, head, Set.of("p/T.java"));
  }

  /**
   * A chain's second step is looked up in the type its first step returns, which its file need not
   * name: {@code A.b().c().m()} follows {@code c()}, added to {@code B}, to {@code D.m()}.
   */
  @Example
  void aMemberAddedRelinksTheChainsThatStepThroughIt() throws IOException {
    Map<String, FileFacts> base = chainThroughB();
    base.put(
        "p/C.java",
        calling(
            new Reference(CALL, "m", 0, Receiver.CHAIN, Optional.of("A#b/0#c/0"), List.of(), 9)));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/B.java", codeBase("B", List.of(returning("B", "c", "D"))));

    relinkGivesTheFullGraph(base, head, Set.of("p/B.java"));
  }

  /**
   * The same for a chain an argument's type is: {@code t.m(A.b().c())} chooses {@code m(D)} once
   * {@code c()}, added to {@code B}, returns a {@code D}.
   */
  @Example
  void aMemberAddedRelinksTheCallsPassingAChainThatStepsThroughIt() throws IOException {
    Map<String, FileFacts> base = chainThroughB();
    base.put(
        "p/T.java",
        codeBase(
            "T", List.of(method("T", "m", List.of("D")), method("T", "m", List.of("String")))));
    base.put("p/C.java", passing("A#b/0#c/0"));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/B.java", codeBase("B", List.of(returning("B", "c", "D"))));

    relinkGivesTheFullGraph(base, head, Set.of("p/B.java"));
  }

  /**
   * {@code this.n()} in a type with no {@code n} falls back to every method of that name, so a
   * method of that name added anywhere is a target.
   */
  @Example
  void aMemberAddedRelinksTheCallsOnThisThatFallBackToItsName() throws IOException {
    Map<String, FileFacts> base = new TreeMap<>();
    base.put("p/T.java", codeBase("T", List.of()));
    base.put("p/C.java", calling(new Reference(CALL, "n", 0, Receiver.THIS, none(), List.of(), 9)));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/T.java", codeBase("T", List.of(method("T", "n", List.of()))));

    relinkGivesTheFullGraph(base, head, Set.of("p/T.java"));
  }

  /** {@code A.b()} returns a {@code B}; {@code D} has {@code m()}. */
  private static Map<String, FileFacts> chainThroughB() {
    Map<String, FileFacts> files = new TreeMap<>();
    files.put("p/A.java", codeBase("A", List.of(returning("A", "b", "B"))));
    files.put("p/B.java", codeBase("B", List.of()));
    files.put("p/D.java", codeBase("D", List.of(method("D", "m", List.of()))));
    return files;
  }

  /**
   * {@code D extends E} and {@code E extends D}: names resolved without a build can form a cycle,
   * and the linker breaks it where resolving first reaches it. {@code A extends E}, added in a file
   * that comes first, makes it resolve {@code E} first: now {@code D} extends {@code E} and not the
   * other way round, so {@code E()} no longer runs {@code D}'s field initializer, though neither
   * file changed nor any supertype either names.
   */
  @Example
  void aCycleOfSupertypesBrokenElsewhereRelinksItsTypes() throws IOException {
    MemberFact initialized =
        new MemberFact(
            new Symbol("p", "D#k"),
            DeclarationKind.FIELD,
            "k",
            Set.of(),
            List.of(),
            List.of(),
            false,
            "int",
            List.of(),
            5,
            5,
            List.of(new Reference(TYPE, "Object", 0, NONE, none(), List.of(), 5)));
    Map<String, FileFacts> base = new TreeMap<>();
    base.put(
        "p/D.java", declaring("p", "D", DeclarationKind.CLASS, List.of("E"), List.of(initialized)));
    base.put(
        "p/E.java",
        declaring("p", "E", DeclarationKind.CLASS, List.of("D"), List.of(constructor("E", "int"))));
    Map<String, FileFacts> head = new TreeMap<>(base);
    head.put("p/A.java", declaring("p", "A", DeclarationKind.CLASS, List.of("E"), List.of()));

    relinkGivesTheFullGraph(base, head, Set.of("p/A.java"));
  }

  /** A static method without parameters returning {@code type}. */
  private static MemberFact returning(String owner, String name, String type) {
    return new MemberFact(
        new Symbol("p", owner + "#" + name + "()"),
        DeclarationKind.METHOD,
        name,
        Set.of("static"),
        List.of(),
        List.of(),
        false,
        type,
        List.of(),
        5,
        6,
        List.of());
  }

  /** {@code C.go()} with one reference. */
  private static FileFacts calling(Reference reference) {
    return codeBase(
        "C", List.of(member("p", "C", DeclarationKind.METHOD, "go", "void", List.of(reference))));
  }

  private static Optional<String> none() {
    return Optional.empty();
  }

  /** {@code C.go()} calling {@code A.f.m()}. */
  private static FileFacts callingThroughAF() {
    Reference chained =
        new Reference(ReferenceKind.CALL, "m", 0, Receiver.CHAIN, Optional.of("A#f"), List.of(), 9);
    return codeBase(
        "C", List.of(member("p", "C", DeclarationKind.METHOD, "go", "void", List.of(chained))));
  }

  /** {@code C.go()} calling {@code t.m(x)}, with {@code t} a {@code T} and {@code x} as given. */
  private static FileFacts passing(String argumentType) {
    Reference call =
        new Reference(
            ReferenceKind.CALL,
            "m",
            1,
            Receiver.NAME,
            Optional.of("T"),
            List.of(),
            argumentType,
            9);
    return codeBase(
        "C", List.of(member("p", "C", DeclarationKind.METHOD, "go", "void", List.of(call))));
  }

  private static FileFacts declaring(
      String pkg,
      String name,
      DeclarationKind kind,
      List<String> supertypes,
      List<MemberFact> members) {
    return new FileFacts(
        pkg + "/" + name + ".java",
        pkg,
        List.of(),
        List.of(
            new TypeFact(
                new Symbol(pkg, name), kind, Set.of(), List.of(), supertypes, 1, 20, members)),
        Optional.empty());
  }

  private static MemberFact method(String owner, String name, List<String> params) {
    return new MemberFact(
        new Symbol("p", owner + "#" + name + "(" + String.join(",", params) + ")"),
        DeclarationKind.METHOD,
        name,
        Set.of(),
        List.of(),
        params,
        false,
        "void",
        params.stream().map(x -> List.<AnnotationFact>of()).toList(),
        5,
        6,
        List.of());
  }

  private static MemberFact constructor(String owner, String parameter) {
    return new MemberFact(
        new Symbol("p", owner + "#" + owner + "(" + parameter + ")"),
        DeclarationKind.CONSTRUCTOR,
        owner,
        Set.of(),
        List.of(),
        List.of(parameter),
        false,
        "",
        List.of(List.of()),
        5,
        6,
        List.of());
  }

  private static FileFacts codeBase(String type, List<MemberFact> members) {
    return declaring("p", type, DeclarationKind.CLASS, List.of(), members);
  }

  private static MemberFact member(
      String pkg,
      String owner,
      DeclarationKind kind,
      String name,
      String type,
      List<Reference> references) {
    return new MemberFact(
        new Symbol(pkg, owner + "#" + name + (kind == DeclarationKind.METHOD ? "()" : "")),
        kind,
        name,
        Set.of(),
        List.of(),
        List.of(),
        false,
        type,
        List.of(),
        5,
        6,
        references);
  }

  /** Asserts that relinking gives the full graph; returns how many files it linked. */
  private static int relinkGivesTheFullGraph(
      Map<String, FileFacts> base, Map<String, FileFacts> head, Set<String> changed)
      throws IOException {
    LinkedBase linked =
        LinkedBase.decode(
            ByteBuffer.wrap(LinkedBase.link(base.values(), contentIds(base), 1).encode()));
    Linker full = new Linker();
    full.link(head.values(), List::of);
    Linker incremental = new Linker();
    incremental.link(head.values(), List::of, new Relink(linked, base.values(), changed));

    CodeGraph expected = new CodeGraph(full);
    CodeGraph actual = new CodeGraph(incremental);
    assertThat(actual.symbols).containsExactly(expected.symbols);
    assertThat(actual.offsets).containsExactly(expected.offsets);
    assertThat(actual.from).containsExactly(expected.from);
    assertThat(actual.via).containsExactly(expected.via);
    assertThat(actual.confidence).containsExactly(expected.confidence);
    assertThat(actual.edgeLines).containsExactly(expected.edgeLines);
    assertThat(actual.escalations()).isEqualTo(expected.escalations());

    // A stored graph derived from another one is the one a full link would store.
    assertThat(linked.derive(base.values(), head.values(), contentIds(head)).encode())
        .isEqualTo(LinkedBase.link(head.values(), contentIds(head), 1).encode());
    return incremental.linkedFiles;
  }

  private static Map<String, String> contentIds(Map<String, FileFacts> files) {
    Map<String, String> ids = new TreeMap<>();
    files.forEach((path, facts) -> ids.put(path, Integer.toHexString(facts.hashCode())));
    return ids;
  }

  // ---------------------------------------------------------------- random code bases

  private static FileFacts file(Random random, int index) {
    String pkg = pick(random, PACKAGES);
    String name = TYPES[index % TYPES.length] + (index < TYPES.length ? "" : "x" + index);
    if (random.nextInt(4) == 0) {
      name = pick(random, TYPES); // the same type again, or in the other package
    }
    List<ImportFact> imports = new ArrayList<>();
    if (random.nextBoolean()) {
      imports.add(new ImportFact(pick(random, PACKAGES), false, true));
    }
    if (random.nextInt(3) == 0) {
      imports.add(new ImportFact(pick(random, PACKAGES) + "." + pick(random, TYPES), false, false));
    }
    if (random.nextInt(3) == 0) {
      imports.add(new ImportFact("java.util.function", false, true));
    }
    if (random.nextInt(3) == 0) {
      String owner = pick(random, PACKAGES) + "." + pick(random, TYPES);
      imports.add(
          random.nextBoolean()
              ? new ImportFact(owner, true, true)
              : new ImportFact(owner + "." + pick(random, METHODS), true, false));
    }
    List<TypeFact> types = new ArrayList<>();
    types.add(type(random, pkg, name));
    if (random.nextInt(3) == 0) {
      types.add(type(random, pkg, name + ".In"));
    }
    String path = pkg + "/" + name + "_" + index + ".java";
    return new FileFacts(path, pkg, imports, types, Optional.empty());
  }

  /** The same file with other content: its path stays. */
  private static FileFacts rewritten(FileFacts content, String path) {
    return new FileFacts(
        path, content.packageName(), content.imports(), content.types(), Optional.empty());
  }

  private static TypeFact type(Random random, String pkg, String name) {
    DeclarationKind kind =
        random.nextInt(4) == 0 ? DeclarationKind.INTERFACE : DeclarationKind.CLASS;
    List<String> supers = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      supers.add(
          random.nextInt(6) == 0
              ? pick(random, new String[] {"Runnable", "Appendable"})
              : superName(random));
    }
    List<MemberFact> members = new ArrayList<>();
    int memberCount = random.nextInt(6);
    for (int i = 0; i < memberCount; i++) {
      members.add(member(random, pkg, name));
    }
    return new TypeFact(
        new Symbol(pkg, name),
        kind,
        Set.of(),
        List.of(),
        supers,
        1,
        100,
        dedupe(members),
        kind == DeclarationKind.INTERFACE ? lambdaParameters(random) : List.of());
  }

  /**
   * The types of the parameters of a lambda of a functional interface: type parameters by position,
   * or types of the code base.
   */
  private static List<String> lambdaParameters(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> List.of();
      case 1 -> List.of("~0");
      case 2 -> List.of("~1", "~0");
      case 3 -> List.of(superName(random));
      default -> List.of("int", "~1");
    };
  }

  private static String superName(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> pick(random, TYPES) + ".In";
      case 1 -> pick(random, PACKAGES) + "." + pick(random, TYPES);
      default -> pick(random, TYPES);
    };
  }

  private static MemberFact member(Random random, String pkg, String owner) {
    String simple = owner.substring(owner.lastIndexOf('.') + 1);
    Set<String> modifiers = new HashSet<>();
    if (random.nextInt(4) == 0) {
      modifiers.add("static");
    }
    if (random.nextInt(6) == 0) {
      modifiers.add("private");
    }
    List<Reference> references = references(random);
    switch (random.nextInt(6)) {
      case 0 -> {
        List<String> params = params(random);
        return new MemberFact(
            new Symbol(pkg, owner + "#" + simple + "(" + String.join(",", params) + ")"),
            DeclarationKind.CONSTRUCTOR,
            simple,
            Set.of(),
            List.of(),
            params,
            false,
            "",
            params.stream().map(p -> List.<AnnotationFact>of()).toList(),
            2,
            3,
            references);
      }
      case 1 -> {
        String field = pick(random, FIELDS);
        return new MemberFact(
            new Symbol(pkg, owner + "#" + field),
            DeclarationKind.FIELD,
            field,
            modifiers,
            List.of(),
            List.of(),
            false,
            fieldType(random),
            List.of(),
            4,
            4,
            random.nextBoolean() ? references : List.of());
      }
      case 2 -> {
        return new MemberFact(
            new Symbol(pkg, owner + "#static{}"),
            DeclarationKind.STATIC_INITIALIZER,
            "static{}",
            Set.of("static"),
            List.of(),
            List.of(),
            false,
            "",
            List.of(),
            5,
            6,
            references);
      }
      default -> {
        String method = pick(random, METHODS);
        List<String> params = params(random);
        String returned = random.nextBoolean() ? "void" : fieldType(random);
        return new MemberFact(
            new Symbol(pkg, owner + "#" + method + "(" + String.join(",", params) + ")"),
            DeclarationKind.METHOD,
            method,
            modifiers,
            List.of(),
            params,
            false,
            returned,
            params.stream().map(p -> List.<AnnotationFact>of()).toList(),
            7,
            9,
            references,
            random.nextBoolean() ? List.of() : withTypeArguments(random, params),
            // B of a class typed by itself: a chain through it keeps its receiver's type
            !returned.equals("void") && random.nextInt(3) == 0);
      }
    }
  }

  /**
   * A receiver chain: a field of a type, or a parameter of a lambda that is a value of a type with
   * type arguments; then perhaps a call on it and a field of its result.
   */
  private static String chain(Random random) {
    StringBuilder chain = new StringBuilder(superName(random));
    if (random.nextInt(3) == 0) {
      chain.append('<').append(pick(random, TYPES)).append(',').append(pick(random, TYPES));
      chain.append(">#~.").append(random.nextInt(2));
    } else {
      chain.append('#').append(pick(random, FIELDS));
    }
    if (random.nextInt(4) == 0) { // the parameter of a lambda passed to a method
      chain.append('#').append(pick(random, METHODS)).append('/').append(1 + random.nextInt(2));
      chain.append('~').append(random.nextInt(2)).append('.').append(random.nextInt(2));
    } else if (random.nextBoolean()) {
      chain.append('#').append(pick(random, METHODS)).append('/').append(random.nextInt(3));
      if (random.nextBoolean()) {
        chain.append('#').append(pick(random, FIELDS));
      }
    }
    return chain.toString();
  }

  /** A primitive, or a type of the code base: calls chained on a member of that type go there. */
  private static String fieldType(Random random) {
    return random.nextBoolean() ? "int" : superName(random);
  }

  /**
   * {@code params} with type arguments, as a method taking a lambda writes them: {@code
   * Supplier<B>}, {@code A<C,Runnable>}.
   */
  private static List<String> withTypeArguments(Random random, List<String> params) {
    List<String> generic = new ArrayList<>();
    for (String p : params) {
      generic.add(
          p.equals("int") || p.equals("String")
              ? p
              : p + "<" + pick(random, TYPES) + "," + pick(random, TYPES) + ">");
    }
    return generic;
  }

  private static List<String> params(Random random) {
    List<String> params = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      params.add(pick(random, PARAMS));
    }
    return params;
  }

  private static List<Reference> references(Random random) {
    List<Reference> out = new ArrayList<>();
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      // Constructions twice as often: they reach constructors and initializers up the hierarchy.
      ReferenceKind kind =
          random.nextInt(7) == 0 ? ReferenceKind.NEW : pick(random, ReferenceKind.values());
      Receiver receiver = pick(random, Receiver.values());
      Optional<String> receiverType =
          receiver == Receiver.CHAIN
              ? Optional.of(chain(random))
              : random.nextBoolean() ? Optional.of(superName(random)) : Optional.empty();
      String name =
          switch (kind) {
            case CALL -> pick(random, METHODS);
            case METHOD_REFERENCE -> random.nextInt(4) == 0 ? "new" : pick(random, METHODS);
            case FIELD -> pick(random, FIELDS);
            case NEW, TYPE, CLASS_LITERAL -> superName(random);
          };
      int arity = kind == ReferenceKind.METHOD_REFERENCE ? -1 : random.nextInt(3);
      List<String> argumentTypes = new ArrayList<>();
      if ((kind == ReferenceKind.CALL || kind == ReferenceKind.NEW) && random.nextBoolean()) {
        for (int a = 0; a < arity; a++) {
          argumentTypes.add(argumentType(random));
        }
      } else if (kind == ReferenceKind.METHOD_REFERENCE && random.nextBoolean()) {
        // passed as the first argument of a call: m(x::n, y)
        argumentTypes.add(
            superName(random) + "#" + pick(random, METHODS) + "/" + (1 + random.nextInt(2)) + "~0");
      }
      out.add(
          new Reference(
              kind,
              name,
              arity,
              receiver,
              receiverType,
              List.of(),
              String.join(";", argumentTypes),
              10 + i));
    }
    return out;
  }

  /**
   * What an argument's type is written as: unknown, a primitive or JDK type, a type of the code
   * base (whose supertypes decide between overloads), a chain whose end does, a lambda, or a method
   * reference.
   */
  private static String argumentType(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> "";
      case 7 -> Reference.METHOD_REFERENCE;
      case 1 -> pick(random, new String[] {"int", "long", "null", "Integer"});
      case 6 -> Reference.lambda(random.nextInt(2));
      case 2 -> pick(random, new String[] {"String", "Object", "A[]"});
      case 3 -> chain(random);
      default -> superName(random);
    };
  }

  /**
   * An edit inside a file: a member added, dropped or reshaped, the supertypes rewritten, or the
   * imports.
   */
  private static FileFacts mutate(Random random, FileFacts file) {
    List<TypeFact> types = new ArrayList<>(file.types());
    int at = random.nextInt(types.size());
    TypeFact t = types.get(at);
    List<MemberFact> members = new ArrayList<>(t.members());
    List<String> supers = t.supertypes();
    DeclarationKind kind = t.kind();
    String name = t.symbol().name();
    List<ImportFact> imports = file.imports();
    List<String> lambdaParameters = t.lambdaParameters();
    switch (random.nextInt(9)) {
      case 0 -> members.add(member(random, file.packageName(), name));
      case 1 -> {
        if (!members.isEmpty()) {
          members.remove(random.nextInt(members.size()));
        }
      }
      case 2 -> {
        if (!members.isEmpty()) {
          int i = random.nextInt(members.size());
          MemberFact m = members.get(i);
          members.set(i, copy(m, m.modifiers(), m.type(), 1, references(random)));
        }
      }
      case 3 -> {
        if (!members.isEmpty()) {
          int i = random.nextInt(members.size());
          MemberFact m = members.get(i);
          Set<String> modifiers = new HashSet<>(m.modifiers());
          String toggled = random.nextBoolean() ? "static" : "private";
          if (!modifiers.remove(toggled)) {
            modifiers.add(toggled);
          }
          members.set(i, copy(m, modifiers, m.type(), 0, m.references()));
        }
      }
      case 4 -> supers = List.of(superName(random));
      case 6 ->
          imports =
              List.of(
                  new ImportFact(pick(random, PACKAGES) + "." + pick(random, TYPES), false, false));
      case 7 -> lambdaParameters = lambdaParameters(random);
      case 5 -> {
        for (int i = 0; i < members.size(); i++) {
          MemberFact m = members.get(i);
          if (m.kind() == DeclarationKind.FIELD || m.kind() == DeclarationKind.METHOD) {
            members.set(i, copy(m, m.modifiers(), fieldType(random), 0, m.references()));
            break;
          }
        }
      }
      default ->
          kind = kind == DeclarationKind.CLASS ? DeclarationKind.INTERFACE : DeclarationKind.CLASS;
    }
    types.set(
        at,
        new TypeFact(
            t.symbol(),
            kind,
            t.modifiers(),
            t.annotations(),
            supers,
            t.line(),
            t.endLine(),
            dedupe(members),
            lambdaParameters));
    return new FileFacts(file.path(), file.packageName(), imports, types, Optional.empty());
  }

  /** {@code m} with other modifiers, type and references, {@code shift} lines further down. */
  private static MemberFact copy(
      MemberFact m, Set<String> modifiers, String type, int shift, List<Reference> references) {
    return new MemberFact(
        m.symbol(),
        m.kind(),
        m.name(),
        modifiers,
        m.annotations(),
        m.parameterTypes(),
        m.varargs(),
        type,
        m.parameterAnnotations(),
        m.line() + shift,
        m.endLine() + shift,
        references);
  }

  /** One member per symbol, as the extractor's numbering of duplicates guarantees. */
  private static List<MemberFact> dedupe(List<MemberFact> members) {
    Set<Symbol> seen = new HashSet<>();
    return members.stream().filter(m -> seen.add(m.symbol())).toList();
  }

  private static <V> V pick(Random random, V[] values) {
    return values[random.nextInt(values.length)];
  }
}
