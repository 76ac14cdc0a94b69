package dev.scrutineer.analysis.reach.index;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import dev.scrutineer.analysis.reach.TypeScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@link TypeFact#lambdaParameters} from an interface's tree: the types of the parameters of its
 * one abstract method, a type parameter by its position, so that a lambda's parameters can be typed
 * by them and by the type arguments its target type is written with. Only an interface that extends
 * nothing is read: the abstract methods of another would have to be looked up in other files.
 */
final class LambdaParameters {
  private LambdaParameters() {}

  /**
   * @param scope the interface's own, where its parameter types are written
   */
  static List<String> of(ClassTree type, TypeScope scope) {
    if (type.getKind() != Tree.Kind.INTERFACE
        || type.getExtendsClause() != null
        || !type.getImplementsClause().isEmpty()) {
      return List.of();
    }
    MethodTree single = null;
    for (Tree member : type.getMembers()) {
      if (member instanceof MethodTree method && isAbstract(method)) {
        if (single != null) {
          return List.of(); // two abstract methods: no lambda is a value of it
        }
        single = method;
      }
    }
    // A generic method cannot be implemented by a lambda.
    if (single == null || !single.getTypeParameters().isEmpty()) {
      return List.of();
    }
    List<String> typeParameters = new ArrayList<>();
    for (TypeParameterTree parameter : type.getTypeParameters()) {
      typeParameters.add(parameter.getName().toString());
    }
    List<String> parameters = new ArrayList<>();
    for (VariableTree parameter : single.getParameters()) {
      int index =
          parameter.getType() instanceof IdentifierTree identifier
              ? typeParameters.indexOf(identifier.getName().toString())
              : -1;
      parameters.add(
          index >= 0
              ? TypeFact.TYPE_PARAMETER + index
              : FactsExtractor.written(parameter.getType(), scope));
    }
    return parameters;
  }

  /**
   * An interface method without a body that a lambda implements: not {@code equals}, {@code
   * hashCode} or {@code toString}, which every object has.
   */
  private static boolean isAbstract(MethodTree method) {
    Set<Modifier> modifiers = method.getModifiers().getFlags();
    if (method.getBody() != null
        || modifiers.contains(Modifier.DEFAULT)
        || modifiers.contains(Modifier.STATIC)
        || modifiers.contains(Modifier.PRIVATE)) {
      return false;
    }
    String name = method.getName().toString();
    int arity = method.getParameters().size();
    return !(name.equals("equals") && arity == 1
        || (name.equals("hashCode") || name.equals("toString")) && arity == 0);
  }
}
