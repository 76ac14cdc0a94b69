package dev.scrutineer.analysis.reach.graph;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fluent builder of hand-made {@link FileFacts}, as the extractor would produce them:
 *
 * <pre>{@code
 * file("com.acme", "Orders")
 *     .imports("com.acme.db.Repo")
 *     .type(type("Orders").method("find(long)", m -> m.callOn("Repo", "load", 1)))
 * }</pre>
 */
final class Facts {
  private static int nextLine = 1;

  private Facts() {}

  static FileBuilder file(String packageName, String name) {
    return new FileBuilder(packageName, name);
  }

  static TypeBuilder type(String name) {
    return new TypeBuilder(name, DeclarationKind.CLASS);
  }

  static TypeBuilder iface(String name) {
    return new TypeBuilder(name, DeclarationKind.INTERFACE);
  }

  static TypeBuilder enumType(String name) {
    return new TypeBuilder(name, DeclarationKind.ENUM);
  }

  static TypeBuilder record(String name) {
    return new TypeBuilder(name, DeclarationKind.RECORD);
  }

  static final class FileBuilder {
    private final String packageName;
    private final String path;
    private final List<ImportFact> imports = new ArrayList<>();
    private final List<TypeBuilder> types = new ArrayList<>();

    FileBuilder(String packageName, String name) {
      this.packageName = packageName;
      this.path =
          (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + name + ".java";
    }

    /** {@code "a.B"}, {@code "a.*"}, {@code "static a.B.m"}, {@code "static a.B.*"}. */
    FileBuilder imports(String... names) {
      for (String n : names) {
        boolean isStatic = n.startsWith("static ");
        String name = isStatic ? n.substring(7) : n;
        boolean onDemand = name.endsWith(".*");
        imports.add(
            new ImportFact(
                onDemand ? name.substring(0, name.length() - 2) : name, isStatic, onDemand));
      }
      return this;
    }

    /** A type, with nested types named {@code Outer.Inner} by the caller. */
    FileBuilder type(TypeBuilder type) {
      types.add(type);
      return this;
    }

    FileFacts build() {
      List<TypeFact> facts = new ArrayList<>();
      for (TypeBuilder t : types) {
        facts.add(t.build(packageName));
      }
      return new FileFacts(path, packageName, imports, facts, Optional.empty());
    }
  }

  static final class TypeBuilder {
    private final String name;
    private final DeclarationKind kind;
    private final Set<String> modifiers = new HashSet<>();
    private final List<String> supertypes = new ArrayList<>();
    private final List<AnnotationFact> annotations = new ArrayList<>();
    private final List<MemberBuilder> members = new ArrayList<>();
    private final List<String> lambdaParameters = new ArrayList<>();
    private final int line = nextLine++;

    TypeBuilder(String name, DeclarationKind kind) {
      this.name = name;
      this.kind = kind;
    }

    TypeBuilder ext(String... types) {
      supertypes.addAll(Arrays.asList(types));
      return this;
    }

    TypeBuilder annotated(String annotation) {
      annotations.add(new AnnotationFact(annotation, Map.of()));
      return this;
    }

    /**
     * The types of the parameters of a lambda that is a value of this interface: {@code "~0"} for
     * its first type parameter, else as written ({@code "Sink"}).
     */
    TypeBuilder lambdaParameters(String... types) {
      lambdaParameters.addAll(Arrays.asList(types));
      return this;
    }

    TypeBuilder modifiers(String... mods) {
      modifiers.addAll(Arrays.asList(mods));
      return this;
    }

    /** A method: {@code "find(long,String...)"}; modifiers after a space: {@code "static f()"}. */
    TypeBuilder method(String signature, Consumer<MemberBuilder> body) {
      return member(DeclarationKind.METHOD, signature, body);
    }

    TypeBuilder method(String signature) {
      return method(signature, m -> {});
    }

    TypeBuilder constructor(String params, Consumer<MemberBuilder> body) {
      String simple = name.substring(name.lastIndexOf('.') + 1);
      return member(DeclarationKind.CONSTRUCTOR, simple + "(" + params + ")", body);
    }

    TypeBuilder field(String fieldName, Consumer<MemberBuilder> initializer) {
      return member(DeclarationKind.FIELD, fieldName, initializer);
    }

    TypeBuilder field(String fieldName) {
      return field(fieldName, m -> {});
    }

    TypeBuilder constant(String constantName) {
      return member(DeclarationKind.ENUM_CONSTANT, constantName, m -> {});
    }

    TypeBuilder component(String componentName) {
      return member(DeclarationKind.RECORD_COMPONENT, componentName, m -> {});
    }

    TypeBuilder staticInit(Consumer<MemberBuilder> body) {
      return member(DeclarationKind.STATIC_INITIALIZER, "static{}", body);
    }

    TypeBuilder member(DeclarationKind kind, String spec, Consumer<MemberBuilder> body) {
      MemberBuilder m = new MemberBuilder(kind, spec);
      body.accept(m);
      members.add(m);
      return this;
    }

    TypeFact build(String packageName) {
      List<MemberFact> facts = new ArrayList<>();
      for (MemberBuilder m : members) {
        facts.add(m.build(packageName, name));
      }
      return new TypeFact(
          new Symbol(packageName, name),
          kind,
          modifiers,
          annotations,
          supertypes,
          line,
          line + 10,
          facts,
          lambdaParameters);
    }
  }

  static final class MemberBuilder {
    private final DeclarationKind kind;
    private final Set<String> modifiers = new HashSet<>();
    private final String name;
    private final List<String> params = new ArrayList<>();
    private boolean varargs;
    private final List<Reference> references = new ArrayList<>();
    private final int line = nextLine++;
    private String type = "Object";
    private boolean returnsSelf;
    private List<String> genericParams = List.of();

    MemberBuilder(DeclarationKind kind, String spec) {
      this.kind = kind;
      String s = spec;
      while (s.startsWith("static ") || s.startsWith("private ") || s.startsWith("abstract ")) {
        modifiers.add(s.substring(0, s.indexOf(' ')));
        s = s.substring(s.indexOf(' ') + 1);
      }
      int paren = s.indexOf('(');
      if (paren < 0 || kind == DeclarationKind.STATIC_INITIALIZER) {
        name = s;
      } else {
        name = s.substring(0, paren);
        String inside = s.substring(paren + 1, s.length() - 1);
        for (String p : inside.isEmpty() ? new String[0] : inside.split(",")) {
          if (p.endsWith("...")) {
            varargs = true;
            params.add(p.substring(0, p.length() - 3) + "[]");
          } else {
            params.add(p);
          }
        }
      }
    }

    private MemberBuilder ref(
        ReferenceKind kind, String name, int arity, Receiver receiver, String receiverType) {
      references.add(
          new Reference(
              kind, name, arity, receiver, Optional.ofNullable(receiverType), List.of(), line));
      return this;
    }

    /** The parameter types with their type arguments: {@code "Consumer<Sink>"}. */
    MemberBuilder generic(String... params) {
      genericParams = List.of(params);
      return this;
    }

    MemberBuilder call(String name, int arity) {
      return ref(ReferenceKind.CALL, name, arity, Receiver.NONE, null);
    }

    MemberBuilder callThis(String name, int arity) {
      return ref(ReferenceKind.CALL, name, arity, Receiver.THIS, null);
    }

    MemberBuilder callSuper(String name, int arity) {
      return ref(ReferenceKind.CALL, name, arity, Receiver.SUPER, null);
    }

    /** {@code x.name(...)} where {@code x} is declared as {@code type}. */
    MemberBuilder callOn(String type, String name, int arity) {
      return ref(ReferenceKind.CALL, name, arity, Receiver.NAME, type);
    }

    /**
     * {@code Owner.field.name(...)} or {@code x.field.name(...)} with {@code x} an {@code Owner}.
     */
    MemberBuilder callOnField(String owner, String field, String name, int arity) {
      return callOnChain(owner + "#" + field, name, arity);
    }

    /** A call on a receiver chain as the extractor writes it: {@code "Orders#builder/0"}. */
    MemberBuilder callOnChain(String chain, String name, int arity) {
      return ref(ReferenceKind.CALL, name, arity, Receiver.CHAIN, chain);
    }

    /** The declared type of a field, or a method's return type ({@code Object} unless said). */
    MemberBuilder typed(String type) {
      this.type = type;
      return this;
    }

    /** Returns {@code B} of its class, {@code Base<B extends Base<B>>}, erased to {@code bound}. */
    MemberBuilder returnsSelf(String bound) {
      this.type = bound;
      this.returnsSelf = true;
      return this;
    }

    /** {@code a.b().name(...)}: the receiver's type is unknown. */
    MemberBuilder callOnExpression(String name, int arity) {
      return ref(ReferenceKind.CALL, name, arity, Receiver.EXPRESSION, null);
    }

    /**
     * {@code x.name(a, b)} with {@code x} a {@code type} (unknown when null) and each argument of
     * the type given, as {@link Reference#argumentTypes} writes it ({@code ""} when unknown).
     */
    MemberBuilder callWith(String type, String name, String... argumentTypes) {
      return invoke(ReferenceKind.CALL, name, type, argumentTypes);
    }

    /** {@code Outer.this.name(a, b)} with arguments of the types given. */
    MemberBuilder callOuterThis(String outer, String name, String... argumentTypes) {
      references.add(
          new Reference(
              ReferenceKind.CALL,
              name,
              argumentTypes.length,
              Receiver.THIS,
              Optional.of(outer),
              List.of(),
              String.join(";", argumentTypes),
              line));
      return this;
    }

    /** {@code new type(a, b)} with arguments of the types given. */
    MemberBuilder createWith(String type, String... argumentTypes) {
      return invoke(ReferenceKind.NEW, type, type, argumentTypes);
    }

    private MemberBuilder invoke(
        ReferenceKind kind, String name, String type, String... argumentTypes) {
      references.add(
          new Reference(
              kind,
              name,
              argumentTypes.length,
              type == null ? Receiver.EXPRESSION : Receiver.NAME,
              Optional.ofNullable(type),
              List.of(),
              String.join(";", argumentTypes),
              line));
      return this;
    }

    MemberBuilder create(String type, int arity) {
      return ref(ReferenceKind.NEW, type, arity, Receiver.NAME, type);
    }

    MemberBuilder thisCall(int arity) {
      return ref(ReferenceKind.NEW, "this", arity, Receiver.THIS, null);
    }

    MemberBuilder superCall(int arity) {
      return ref(ReferenceKind.NEW, "super", arity, Receiver.SUPER, null);
    }

    MemberBuilder methodRef(String type, String name) {
      return ref(ReferenceKind.METHOD_REFERENCE, name, -1, Receiver.NAME, type);
    }

    /**
     * {@code x::name} with {@code x} a {@code type}, passed as an argument of a call: {@code
     * "IOUtils#toBytes/2~0"} for the first of {@code IOUtils.toBytes(x::name, n)}.
     */
    MemberBuilder methodRefPassed(String type, String name, String passedTo) {
      references.add(
          new Reference(
              ReferenceKind.METHOD_REFERENCE,
              name,
              -1,
              Receiver.NAME,
              Optional.of(type),
              List.of(),
              passedTo,
              line));
      return this;
    }

    MemberBuilder read(String field) {
      return ref(ReferenceKind.FIELD, field, -1, Receiver.NONE, null);
    }

    MemberBuilder readOn(String type, String field) {
      return ref(ReferenceKind.FIELD, field, -1, Receiver.NAME, type);
    }

    MemberBuilder uses(String type) {
      return ref(ReferenceKind.TYPE, type, -1, Receiver.NONE, null);
    }

    MemberBuilder classLiteral(String type) {
      return ref(ReferenceKind.CLASS_LITERAL, type, -1, Receiver.NONE, null);
    }

    MemberFact build(String packageName, String typeName) {
      String symbolName =
          switch (kind) {
            case METHOD, CONSTRUCTOR -> name + "(" + String.join(",", params) + ")";
            default -> name;
          };
      return new MemberFact(
          new Symbol(packageName, typeName + "#" + symbolName),
          kind,
          name,
          modifiers,
          List.of(),
          params,
          varargs,
          kind == DeclarationKind.CONSTRUCTOR ? "" : type,
          params.stream().map(p -> List.<AnnotationFact>of()).toList(),
          line,
          line,
          references,
          genericParams,
          returnsSelf);
    }
  }
}
