package dev.scrutineer.analysis.reach.framework;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small fluent builder of hand-written {@link FileFacts}, as the extractor would make them. */
final class Facts {
  private Facts() {}

  /** {@code ann("GetMapping", "value", "/a", "value", "/b", "method", "RequestMethod.GET")}. */
  static AnnotationFact ann(String name, String... attributeValuePairs) {
    if (attributeValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException("attribute and value pairs");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < attributeValuePairs.length; i += 2) {
      values
          .computeIfAbsent(attributeValuePairs[i], k -> new ArrayList<>())
          .add(attributeValuePairs[i + 1]);
    }
    return new AnnotationFact(name, values);
  }

  static FileBuilder file(String path, String packageName) {
    return new FileBuilder(path, packageName);
  }

  static TypeBuilder type(String name) {
    return new TypeBuilder(name, DeclarationKind.CLASS);
  }

  static TypeBuilder iface(String name) {
    return new TypeBuilder(name, DeclarationKind.INTERFACE);
  }

  static TypeBuilder annotationType(String name) {
    return new TypeBuilder(name, DeclarationKind.ANNOTATION_TYPE);
  }

  static MethodBuilder method(String name, String... parameterTypes) {
    return new MethodBuilder(name, List.of(parameterTypes));
  }

  static Reference call(String name, String... strings) {
    return new Reference(
        ReferenceKind.CALL,
        name,
        strings.length,
        Receiver.NONE,
        Optional.empty(),
        List.of(strings),
        1);
  }

  static Reference callOn(String receiverType, String name, int arity, int line) {
    return new Reference(
        ReferenceKind.CALL, name, arity, Receiver.NAME, Optional.of(receiverType), List.of(), line);
  }

  static Reference at(Reference reference, int line) {
    return new Reference(
        reference.kind(),
        reference.name(),
        reference.arity(),
        reference.receiver(),
        reference.receiverType(),
        reference.stringArguments(),
        line);
  }

  static Reference field(String receiverType, String name, int line) {
    return new Reference(
        ReferenceKind.FIELD, name, -1, Receiver.NAME, Optional.of(receiverType), List.of(), line);
  }

  static Symbol member(String packageName, String typeName, String signature) {
    return new Symbol(packageName, typeName + "#" + signature);
  }

  static final class FileBuilder {
    private final String path;
    private final String packageName;
    private final List<ImportFact> imports = new ArrayList<>();
    private final List<TypeBuilder> types = new ArrayList<>();

    FileBuilder(String path, String packageName) {
      this.path = path;
      this.packageName = packageName;
    }

    FileBuilder imports(String... names) {
      for (String name : names) {
        boolean onDemand = name.endsWith(".*");
        imports.add(
            new ImportFact(
                onDemand ? name.substring(0, name.length() - 2) : name, false, onDemand));
      }
      return this;
    }

    FileBuilder with(TypeBuilder... more) {
      types.addAll(List.of(more));
      return this;
    }

    FileFacts build() {
      List<TypeFact> built = new ArrayList<>();
      int line = 1;
      for (TypeBuilder type : types) {
        built.add(type.build(packageName, line));
        line += 100;
      }
      return new FileFacts(path, packageName, imports, built, Optional.empty());
    }
  }

  static final class TypeBuilder {
    private final String name;
    private final DeclarationKind kind;
    private final List<AnnotationFact> annotations = new ArrayList<>();
    private final List<String> supertypes = new ArrayList<>();
    private final List<String> modifiers = new ArrayList<>(List.of("public"));
    private final List<MethodBuilder> methods = new ArrayList<>();

    TypeBuilder(String name, DeclarationKind kind) {
      this.name = name;
      this.kind = kind;
    }

    TypeBuilder annotate(AnnotationFact... more) {
      annotations.addAll(List.of(more));
      return this;
    }

    TypeBuilder extend(String... names) {
      supertypes.addAll(List.of(names));
      return this;
    }

    TypeBuilder modifiers(String... more) {
      modifiers.addAll(List.of(more));
      return this;
    }

    TypeBuilder with(MethodBuilder... more) {
      methods.addAll(List.of(more));
      return this;
    }

    TypeFact build(String packageName, int line) {
      List<MemberFact> members = new ArrayList<>();
      int at = line + 1;
      for (MethodBuilder method : methods) {
        members.add(method.build(packageName, name, at++));
      }
      return new TypeFact(
          new Symbol(packageName, name),
          kind,
          Set.copyOf(modifiers),
          annotations,
          supertypes,
          line,
          line + 99,
          members);
    }
  }

  static final class MethodBuilder {
    private final String name;
    private final List<String> parameterTypes;
    private final List<AnnotationFact> annotations = new ArrayList<>();
    private final List<List<AnnotationFact>> parameterAnnotations = new ArrayList<>();
    private final List<String> modifiers = new ArrayList<>(List.of("public"));
    private final List<Reference> references = new ArrayList<>();
    private DeclarationKind kind = DeclarationKind.METHOD;
    private String type = "void";

    MethodBuilder(String name, List<String> parameterTypes) {
      this.name = name;
      this.parameterTypes = parameterTypes;
      parameterTypes.forEach(p -> parameterAnnotations.add(new ArrayList<>()));
    }

    MethodBuilder annotate(AnnotationFact... more) {
      annotations.addAll(List.of(more));
      return this;
    }

    MethodBuilder annotateParameter(int index, AnnotationFact annotation) {
      parameterAnnotations.get(index).add(annotation);
      return this;
    }

    MethodBuilder modifiers(String... more) {
      modifiers.addAll(List.of(more));
      return this;
    }

    MethodBuilder privately() {
      modifiers.remove("public");
      modifiers.add("private");
      return this;
    }

    MethodBuilder returns(String returnType) {
      this.type = returnType;
      return this;
    }

    MethodBuilder field(String fieldType) {
      this.kind = DeclarationKind.FIELD;
      this.type = fieldType;
      return this;
    }

    MethodBuilder refs(Reference... more) {
      references.addAll(List.of(more));
      return this;
    }

    MemberFact build(String packageName, String typeName, int line) {
      String signature =
          kind == DeclarationKind.FIELD
              ? name
              : name + "(" + String.join(",", parameterTypes) + ")";
      return new MemberFact(
          member(packageName, typeName, signature),
          kind,
          name,
          Set.copyOf(modifiers),
          annotations,
          kind == DeclarationKind.FIELD ? List.of() : parameterTypes,
          false,
          type,
          kind == DeclarationKind.FIELD ? List.of() : parameterAnnotations,
          line,
          line,
          references);
    }
  }
}
