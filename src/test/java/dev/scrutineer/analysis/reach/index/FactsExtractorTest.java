package dev.scrutineer.analysis.reach.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scrutineer.analysis.reach.index.Reference.Receiver;
import dev.scrutineer.analysis.reach.index.Reference.ReferenceKind;
import dev.scrutineer.model.DeclarationKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the index reads from one file: declarations, annotations and references as written. */
class FactsExtractorTest {
  private static final String CONTROLLER =
      """
      package com.acme.shop.web;

      import com.acme.shop.order.OrderService;
      import java.util.*;
      import static java.util.Objects.requireNonNull;
      import org.springframework.web.bind.annotation.*;

      @RestController
      @RequestMapping({"/api", "/v1" + "/api"})
      public class OrderController extends BaseController implements java.io.Serializable {
        private static final String PREFIX = "orders";
        private final OrderService orders;
        private final Map<String, List<Order>> cache = new HashMap<>();

        public OrderController(OrderService orders) {
          this.orders = requireNonNull(orders);
        }

        OrderController() {
          this(new OrderService("${shop.url}"));
        }

        @GetMapping(value = "/orders/{id}", produces = "application/json")
        public Order find(@PathVariable("id") String id, int... flags) {
          Order cached = lookup(id);
          var helper = new Helper();
          helper.assist(id);
          orders.audit(PREFIX);
          List<Order> all = orders.findAll();
          all.forEach(order -> order.touch(id));
          all.stream().map(Order::id).forEach(System.out::println);
          Runnable task = new Runnable() {
            @Override
            public void run() {
              orders.flush();
            }
          };
          if (cached instanceof SpecialOrder special) {
            special.celebrate();
          }
          return Order.of(Status.OPEN, ((Order) cached).copy());
        }

        <T extends Comparable<T>> T max(List<T> values, java.util.function.Function<T, T> f) {
          class Local {
            T pick() {
              return values.get(0);
            }
          }
          return new Local().pick();
        }

        @Override
        protected void init() {
          super.init();
          this.orders.start();
          Object o = OrderController.class;
        }
      }
      """;

  private final FileFacts facts =
      FactsExtractor.extract("src/main/java/com/acme/shop/web/OrderController.java", CONTROLLER);

  @Test
  void fileTypesAndImports() {
    assertThat(facts.problem()).isEmpty();
    assertThat(facts.packageName()).isEqualTo("com.acme.shop.web");
    assertThat(facts.imports())
        .containsExactly(
            new ImportFact("com.acme.shop.order.OrderService", false, false),
            new ImportFact("java.util", false, true),
            new ImportFact("java.util.Objects.requireNonNull", true, false),
            new ImportFact("org.springframework.web.bind.annotation", false, true));
    TypeFact controller = facts.types().get(0);
    assertThat(controller.symbol().qualified()).isEqualTo("com.acme.shop.web.OrderController");
    assertThat(controller.kind()).isEqualTo(DeclarationKind.CLASS);
    assertThat(controller.modifiers()).containsExactly("public");
    assertThat(controller.supertypes()).containsExactly("BaseController", "java.io.Serializable");
    assertThat(controller.line()).isEqualTo(10);
    assertThat(controller.annotations())
        .extracting(AnnotationFact::name)
        .containsExactly("RestController", "RequestMapping");
    assertThat(controller.annotations().get(1).value("value")).containsExactly("/api", "/v1/api");
    assertThat(facts.types())
        .extracting(t -> t.symbol().name())
        .containsExactly(
            "OrderController",
            "OrderController#find(String,int[])$1",
            "OrderController#max(List,Function)$Local");
    assertThat(facts.types().get(1).supertypes()).containsExactly("Runnable");
  }

  @Test
  void membersHaveSignaturesAnnotationsAndParameterAnnotations() {
    MemberFact find = member("OrderController#find(String,int[])");
    assertThat(find.kind()).isEqualTo(DeclarationKind.METHOD);
    assertThat(find.name()).isEqualTo("find");
    assertThat(find.parameterTypes()).containsExactly("String", "int[]");
    assertThat(find.varargs()).isTrue();
    assertThat(find.type()).isEqualTo("Order");
    assertThat(find.modifiers()).containsExactly("public");
    assertThat(find.annotations().get(0).name()).isEqualTo("GetMapping");
    assertThat(find.annotations().get(0).value("value")).containsExactly("/orders/{id}");
    assertThat(find.annotations().get(0).value("produces")).containsExactly("application/json");
    assertThat(find.parameterAnnotations().get(0))
        .containsExactly(
            new AnnotationFact("PathVariable", java.util.Map.of("value", List.of("id"))));
    assertThat(find.parameterAnnotations().get(1)).isEmpty();
    assertThat(find.line()).isEqualTo(24);

    MemberFact cache = member("OrderController#cache");
    assertThat(cache.kind()).isEqualTo(DeclarationKind.FIELD);
    assertThat(cache.type()).isEqualTo("Map<String,List<Order>>"); // type arguments kept
    assertThat(cache.references())
        .extracting(Reference::kind, Reference::name)
        .contains(tuple(ReferenceKind.TYPE, "Map"), tuple(ReferenceKind.NEW, "HashMap"));

    MemberFact max = member("OrderController#max(List,Function)");
    assertThat(max.parameterTypes()).containsExactly("List", "java.util.function.Function");
    assertThat(max.type()).isEqualTo("Comparable");
  }

  @Test
  void callsGetReceiverTypesFromFieldsParametersAndLocals() {
    List<Reference> refs = member("OrderController#find(String,int[])").references();
    assertThat(calls(refs))
        .contains(
            tuple("lookup", Receiver.NONE, Optional.empty(), 1),
            tuple("assist", Receiver.NAME, Optional.of("Helper"), 1),
            tuple("audit", Receiver.NAME, Optional.of("OrderService"), 1),
            tuple("findAll", Receiver.NAME, Optional.of("OrderService"), 0),
            tuple("forEach", Receiver.NAME, Optional.of("List"), 1),
            // A lambda's parameter: typed by the call it is passed to.
            tuple("touch", Receiver.CHAIN, Optional.of("List<Order>#forEach/1~0.0"), 1),
            tuple("flush", Receiver.NAME, Optional.of("OrderService"), 0),
            tuple("celebrate", Receiver.NAME, Optional.of("SpecialOrder"), 0),
            tuple("of", Receiver.NAME, Optional.of("Order"), 2),
            tuple("copy", Receiver.EXPRESSION, Optional.of("Order"), 0));
    assertThat(refs)
        .filteredOn(r -> r.kind() == ReferenceKind.METHOD_REFERENCE)
        .extracting(Reference::name, Reference::receiverType)
        .containsExactly(
            tuple("id", Optional.of("Order")), tuple("println", Optional.of("System#out")));
    assertThat(refs)
        .filteredOn(r -> r.kind() == ReferenceKind.FIELD)
        .extracting(Reference::name, Reference::receiver, Reference::receiverType)
        .contains(
            tuple("orders", Receiver.NONE, Optional.empty()),
            tuple("PREFIX", Receiver.NONE, Optional.empty()),
            tuple("OPEN", Receiver.NAME, Optional.of("Status")),
            tuple("out", Receiver.NAME, Optional.of("System")));
    assertThat(refs)
        .filteredOn(r -> r.kind() == ReferenceKind.TYPE)
        .extracting(Reference::name)
        .contains("Order", "String", "List", "Runnable", "SpecialOrder", "Status", "System")
        .doesNotContain("id", "cached", "helper", "var");
    assertThat(refs)
        .filteredOn(r -> r.kind() == ReferenceKind.NEW)
        .extracting(Reference::name, Reference::receiverType)
        .contains(
            tuple("Helper", Optional.of("Helper")), tuple("Runnable", Optional.of("Runnable")));
  }

  @Test
  void constructorsThisSuperAndStaticImports() {
    assertThat(member("OrderController#OrderController()").references())
        .filteredOn(r -> r.kind() == ReferenceKind.NEW)
        .extracting(
            Reference::name,
            Reference::receiver,
            Reference::receiverType,
            Reference::arity,
            Reference::stringArguments)
        .containsExactly(
            tuple("OrderController", Receiver.THIS, Optional.of("OrderController"), 1, List.of()),
            tuple(
                "OrderService",
                Receiver.NONE,
                Optional.of("OrderService"),
                1,
                List.of("${shop.url}")));
    assertThat(calls(member("OrderController#OrderController(OrderService)").references()))
        .containsExactly(tuple("requireNonNull", Receiver.NONE, Optional.empty(), 1));
    List<Reference> init = member("OrderController#init()").references();
    assertThat(calls(init))
        .containsExactly(
            tuple("init", Receiver.SUPER, Optional.of("BaseController"), 0),
            tuple("start", Receiver.EXPRESSION, Optional.of("OrderService"), 0));
    assertThat(init)
        .filteredOn(r -> r.kind() == ReferenceKind.CLASS_LITERAL)
        .extracting(Reference::name)
        .containsExactly("OrderController");
  }

  @Test
  void anonymousAndLocalClassesAreTypesAndTheirCodeCountsForTheirMember() {
    TypeFact anonymous = facts.types().get(1);
    assertThat(anonymous.members())
        .extracting(m -> m.symbol().name())
        .containsExactly("OrderController#find(String,int[])$1#run()");
    assertThat(calls(anonymous.members().get(0).references()))
        .containsExactly(tuple("flush", Receiver.NAME, Optional.of("OrderService"), 0));
    TypeFact local = facts.types().get(2);
    assertThat(calls(local.members().get(0).references()))
        .containsExactly(tuple("get", Receiver.NAME, Optional.of("List"), 1));
    assertThat(calls(member("OrderController#max(List,Function)").references()))
        .contains(
            tuple("get", Receiver.NAME, Optional.of("List"), 1),
            tuple("pick", Receiver.EXPRESSION, Optional.of("Local"), 0));
  }

  @Test
  void stringArgumentsOfRequestBuilders() {
    FileFacts test =
        FactsExtractor.extract(
            "OwnerControllerTests.java",
            """
            @WebMvcTest(OwnerController.class)
            @SpringBootTest(classes = {App.class, Config.class}, properties = "a=${b}")
            class OwnerControllerTests {
              @Autowired private MockMvc mvc;

              @Test
              void edit() throws Exception {
                mvc.perform(post("/owners/{id}/edit", 1).param("name", "x"))
                    .andExpect(status().isOk());
              }
            }
            """);
    TypeFact type = test.types().get(0);
    assertThat(type.annotations().get(0).value("value")).containsExactly("OwnerController.class");
    assertThat(type.annotations().get(1).value("classes"))
        .containsExactly("App.class", "Config.class");
    assertThat(type.annotations().get(1).value("properties")).containsExactly("a=${b}");
    MemberFact edit = type.members().get(1);
    assertThat(edit.references())
        .filteredOn(r -> r.kind() == ReferenceKind.CALL)
        .extracting(Reference::name, Reference::stringArguments, Reference::receiverType)
        .contains(
            tuple("perform", List.of(), Optional.of("MockMvc")),
            tuple("post", List.of("/owners/{id}/edit"), Optional.empty()),
            tuple("param", List.of("name", "x"), Optional.of("OwnerControllerTests#post/2")));
    assertThat(edit.references())
        .filteredOn(r -> r.kind() == ReferenceKind.TYPE)
        .extracting(Reference::name)
        .contains("Test", "Exception");
  }

  @Test
  void enumConstantsCallTheConstructorAndTheirBodiesAreAnonymous() {
    FileFacts plan =
        FactsExtractor.extract(
            "Plan.java",
            """
            package p;
            enum Plan {
              FREE(0),
              GOLD(10) {
                @Override int limit() { return Limits.GOLD_LIMIT; }
              };
              private final int price;
              Plan(int price) { this.price = price; }
              int limit() { return price; }
              static { Registry.register("plan"); }
            }
            """);
    assertThat(plan.types())
        .extracting(t -> t.symbol().name())
        .containsExactly("Plan", "Plan#GOLD$1");
    MemberFact gold = plan.types().get(0).members().get(1);
    assertThat(gold.kind()).isEqualTo(DeclarationKind.ENUM_CONSTANT);
    assertThat(gold.references())
        .extracting(Reference::kind, Reference::name, Reference::receiverType)
        .contains(
            tuple(ReferenceKind.NEW, "Plan", Optional.of("Plan")),
            tuple(ReferenceKind.FIELD, "GOLD_LIMIT", Optional.of("Limits")));
    MemberFact initializer = plan.types().get(0).members().get(5);
    assertThat(initializer.symbol().name()).isEqualTo("Plan#static{}");
    assertThat(calls(initializer.references()))
        .containsExactly(tuple("register", Receiver.NAME, Optional.of("Registry"), 1));
  }

  @Test
  void unparsableAndDeeplyNestedFilesAreUnreadable() {
    FileFacts broken = FactsExtractor.extract("Broken.java", "class Broken { void m( }");
    assertThat(broken.problem()).get().asString().contains("does not parse");
    assertThat(broken.path()).isEqualTo("Broken.java");
    String deep = "class Deep { int x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "; }";
    FileFacts nested = FactsExtractor.extract("Deep.java", deep);
    assertThat(nested.path()).isEqualTo("Deep.java");
  }

  @Test
  void callsOnFieldsAndCallResultsNameTheChainFromATypeTheFileNames() {
    FileFacts shipping =
        FactsExtractor.extract(
            "Shipping.java",
            """
            package com.acme;
            class Shipping {
              private Item last;
              String plain(String text, Item item) {
                Label.PLAIN.render(text);
                item.customs.duty(1);
                last.customs.duty(2);
                inherited.run();
                this.inherited.stop();
                Shipping.this.inherited.pause();
                return lookup().customs.name();
              }
            }
            """);
    List<Reference> refs = shipping.types().get(0).members().get(1).references();
    assertThat(calls(refs))
        .containsExactly(
            tuple("render", Receiver.CHAIN, Optional.of("Label#PLAIN"), 1),
            tuple("duty", Receiver.CHAIN, Optional.of("Item#customs"), 1),
            tuple("duty", Receiver.CHAIN, Optional.of("Item#customs"), 1),
            tuple("run", Receiver.CHAIN, Optional.of("Shipping#inherited"), 0),
            tuple("stop", Receiver.CHAIN, Optional.of("Shipping#inherited"), 0),
            tuple("pause", Receiver.CHAIN, Optional.of("Shipping#inherited"), 0),
            tuple("lookup", Receiver.NONE, Optional.empty(), 0),
            tuple("name", Receiver.CHAIN, Optional.of("Shipping#lookup/0#customs"), 0));
    assertThat(refs)
        .filteredOn(r -> r.kind() == ReferenceKind.FIELD)
        .extracting(Reference::name, Reference::receiverType)
        .contains(tuple("PLAIN", Optional.of("Label")), tuple("customs", Optional.of("Item")));
  }

  @Test
  void aForEachLoopCallsIteratorHasNextAndNextExceptOverAnArray() {
    FileFacts loops =
        FactsExtractor.extract(
            "Loops.java",
            """
            import java.util.List;
            class Loops {
              int count(List<String> names, String[] more) {
                int n = 0;
                for (String name : names) {
                  n += name.length();
                }
                for (String name : more) {
                  n++;
                }
                for (int[] row : new int[][] {{1}}) {
                  n++;
                }
                for (String name : (n > 0 ? names : List.<String>of())) {
                  n++;
                }
                for (Class<?> i : getClass().getInterfaces()) {
                  n++;
                }
                return n;
              }
            }
            """);
    List<Reference> refs = loops.types().get(0).members().get(0).references();
    assertThat(calls(refs))
        .containsExactly(
            tuple("iterator", Receiver.NAME, Optional.of("List"), 0),
            tuple("hasNext", Receiver.EXPRESSION, Optional.of("java.util.Iterator"), 0),
            tuple("next", Receiver.EXPRESSION, Optional.of("java.util.Iterator"), 0),
            tuple("length", Receiver.NAME, Optional.of("String"), 0),
            tuple("of", Receiver.NAME, Optional.of("List"), 0),
            tuple("hasNext", Receiver.EXPRESSION, Optional.of("java.util.Iterator"), 0),
            tuple("next", Receiver.EXPRESSION, Optional.of("java.util.Iterator"), 0),
            // Over a chain the linker follows, the iterator is the chain's: none for an array.
            tuple("getClass", Receiver.NONE, Optional.empty(), 0),
            tuple("getInterfaces", Receiver.CHAIN, Optional.of("Loops#getClass/0"), 0),
            tuple("iterator", Receiver.CHAIN, Optional.of("Loops#getClass/0#getInterfaces/0"), 0),
            tuple(
                "hasNext",
                Receiver.CHAIN,
                Optional.of("Loops#getClass/0#getInterfaces/0#iterator/0"),
                0),
            tuple(
                "next",
                Receiver.CHAIN,
                Optional.of("Loops#getClass/0#getInterfaces/0#iterator/0"),
                0));
  }

  @Test
  void argumentsHaveTheTypesTheFileSays() {
    FileFacts report =
        FactsExtractor.extract(
            "Report.java",
            """
            package com.acme;
            class Report<T> {
              private int count;
              private Money total;
              String show(Formatter f, byte small, char[] raw, T item, Object any) {
                var guess = f.other();
                f.show(1, 2L, 1.5f, 2.0, true, 'c', "s", null);
                f.show(count, this.total, small, raw, item, any, this);
                f.show("n " + count, count + 1L, small * 2, -small, count > 0, !f.ok(), raw.length);
                f.show((Money) any, new Money(5), new int[3][], new String[] {"a"}, guess);
                f.show(total.cents, f.other(), Money.ZERO, x -> x, inherited);
                f.show(() -> 1, (a, b) -> a, int[]::new, Money::new, String::valueOf);
                f.show(raw[0], raw[count], ((Object[]) any)[0], f.other()[0]);
                return new Money(count).toString();
              }
            }
            """);
    List<Reference> refs = report.types().get(0).members().get(2).references();
    assertThat(refs)
        .filteredOn(r -> r.name().equals("show"))
        .extracting(Reference::argumentTypes)
        .containsExactly(
            List.of("int", "long", "float", "double", "boolean", "char", "String", "null"),
            List.of("int", "Money", "byte", "char[]", "Object", "Object", "Report"),
            List.of("String", "long", "int", "int", "boolean", "boolean", "int"),
            List.of("Money", "Money", "int[][]", "String[]", ""),
            List.of("Money#cents", "Formatter#other/0", "Money#ZERO", "->1", ""),
            // A lambda's shape; an array constructor's, and that any other method reference is one.
            List.of("->0", "->2", "->1", "::", "::"),
            // An element of an array the file types; of a call's result, not known.
            List.of("char", "char", "Object", ""));
    assertThat(refs)
        .filteredOn(r -> r.kind() == ReferenceKind.NEW)
        .extracting(Reference::argumentTypes)
        .containsExactly(List.of("int"), List.of("int"));
    assertThat(refs)
        .filteredOn(r -> r.name().equals("other") || r.name().equals("ok"))
        .extracting(Reference::argumentTypes)
        .containsOnly(List.of());
  }

  @Test
  void aMethodReferencePassedToACallOnAChainSaysWhichParameterItIs() {
    FileFacts labels =
        FactsExtractor.extract(
            "Labels.java",
            """
            import java.util.List;
            class Labels {
              List<String> all(List<Shape> shapes, Formatter f) {
                f.each(Formatter::label);
                return shapes.stream().map(Formatter::label).toList();
              }
              Runnable later() {
                return this::all;
              }
            }
            """);
    List<Reference> refs =
        labels.types().get(0).members().stream().flatMap(m -> m.references().stream()).toList();
    assertThat(refs)
        .filteredOn(r -> r.kind() == ReferenceKind.METHOD_REFERENCE)
        .extracting(Reference::name, Reference::arguments)
        .containsExactly(
            tuple("label", "Formatter#each/1~0"),
            tuple("label", "List<Shape>#stream/0#map/1~0"),
            tuple("all", "")); // returned, not passed: not known
  }

  @Test
  void aLambdasParametersAreTypedByTheVariableItIsGivenTo() {
    FileFacts pricing =
        FactsExtractor.extract(
            "Pricing.java",
            """
            import java.util.function.*;
            class Pricing {
              private final Function<Order, Money> total = o -> o.total();
              private BiFunction<Order, ? super Money, Money> discount;
              Money price(Order order, boolean sale) {
                Predicate<Order> big = o -> o.large();
                UnaryOperator<Money> half;
                half = sale ? (m -> m.half()) : m -> m;
                discount = (o, m) -> m.twice();
                return total.apply(order);
              }
            }
            """);
    List<MemberFact> members = pricing.types().get(0).members();
    assertThat(calls(members.get(0).references()))
        .containsExactly(
            tuple("total", Receiver.CHAIN, Optional.of("Function<Order,Money>#~.0"), 0));
    assertThat(calls(members.get(2).references()))
        .contains(
            tuple("large", Receiver.CHAIN, Optional.of("Predicate<Order>#~.0"), 0),
            tuple("half", Receiver.CHAIN, Optional.of("UnaryOperator<Money>#~.0"), 0),
            // A wildcard is written ?, which says nothing of the parameter.
            tuple("twice", Receiver.CHAIN, Optional.of("BiFunction<Order,?,Money>#~.1"), 0));
  }

  @Test
  void chainsFromVariablesOfGenericTypesKeepTheTypeArguments() {
    FileFacts manifest =
        FactsExtractor.extract(
            "Manifest.java",
            """
            import java.util.*;
            class Manifest {
              private Map<String, List<? extends Item>> byName;
              String first(List<Item> items, Optional<? super Item> any) {
                items.get(0).name();
                byName.get("a").get(0).name();
                items.size();
                any.get().toString();
                return show(items.get(1));
              }
            }
            """);
    List<Reference> refs = manifest.types().get(0).members().get(1).references();
    assertThat(calls(refs))
        .contains(
            tuple("name", Receiver.CHAIN, Optional.of("List<Item>#get/1"), 0),
            tuple("name", Receiver.CHAIN, Optional.of("Map<String,List<Item>>#get/1#get/1"), 0),
            tuple("size", Receiver.NAME, Optional.of("List"), 0),
            tuple("toString", Receiver.CHAIN, Optional.of("Optional<?>#get/0"), 0));
    assertThat(refs)
        .filteredOn(r -> r.name().equals("show"))
        .extracting(Reference::argumentTypes)
        .containsExactly(List.of("List<Item>#get/1"));
  }

  @Test
  void aLambdasParametersAreTypedByTheCallItIsPassedTo() {
    FileFacts manifest =
        FactsExtractor.extract(
            "Manifest.java",
            """
            import java.util.*;
            class Manifest {
              private Map<String, Label> labels;
              long count(List<Item> items, Object any) {
                labels.forEach((key, label) -> label.render(key));
                any.equals(items.stream().filter(i -> i.heavy()).map((Item i) -> i.name()));
                return items.stream().filter(i -> i.heavy()).count();
              }
            }
            """);
    List<Reference> refs = manifest.types().get(0).members().get(1).references();
    assertThat(calls(refs))
        .contains(
            tuple("render", Receiver.CHAIN, Optional.of("Map<String,Label>#forEach/1~0.1"), 1),
            tuple("heavy", Receiver.CHAIN, Optional.of("List<Item>#stream/0#filter/1~0.0"), 0),
            tuple("name", Receiver.NAME, Optional.of("Item"), 0));
    assertThat(refs)
        .filteredOn(r -> r.name().equals("render"))
        .extracting(Reference::argumentTypes)
        .containsExactly(List.of("Map<String,Label>#forEach/1~0.0"));
  }

  @Test
  void anArraysElementIsTypedByTheArraysDeclaredType() {
    FileFacts composite =
        FactsExtractor.extract(
            "Composite.java",
            """
            import java.util.Map;
            class Composite<K, V> {
              private Map<K, V>[] maps;
              boolean has(Map<K, V> map, String... names) {
                String[] parts = names[0].split(",");
                return maps[0].equals(map) && this.maps[1].isEmpty() && parts[0].isBlank();
              }
            }
            """);
    assertThat(calls(composite.types().get(0).members().get(1).references()))
        .contains(
            tuple("split", Receiver.NAME, Optional.of("String"), 1),
            tuple("equals", Receiver.NAME, Optional.of("Map"), 1),
            tuple("isEmpty", Receiver.NAME, Optional.of("Map"), 0),
            tuple("isBlank", Receiver.NAME, Optional.of("String"), 0));
  }

  @Test
  void aLambdaPassedToAnUnqualifiedCallIsTypedByTheEnclosingTypesMethod() {
    FileFacts writer =
        FactsExtractor.extract(
            "Fanout.java",
            """
            class Fanout {
              void write(int c) {
                forAll(w -> w.write(c));
                Fanout.this.forAll(w -> w.flush());
              }
              void forAll(Action<Writer> action) {}
            }
            """);
    assertThat(calls(writer.types().get(0).members().get(0).references()))
        .contains(
            tuple("write", Receiver.CHAIN, Optional.of("Fanout#forAll/1~0.0"), 1),
            tuple("flush", Receiver.CHAIN, Optional.of("Fanout#forAll/1~0.0"), 0));
  }

  @Test
  void anInterfaceWithOneAbstractMethodSaysWhatEachLambdaParameterIs() {
    FileFacts functional =
        FactsExtractor.extract(
            "Appenders.java",
            """
            interface Appender<S, T, E extends Throwable> {
              Appender NOP = (s, t) -> {};
              void accept(S sink, T item) throws E;
              default Appender<S, T, E> twice() { return this; }
              static <S, T, E extends Throwable> Appender<S, T, E> nop() { return NOP; }
              boolean equals(Object other);
              String toString();
            }
            interface Indexed<T> { void at(int index, T item, T... more); }
            interface Plain { void run(String name); }
            interface Two<T> { void first(T t); void second(T t); }
            interface Task { void run(); }
            interface Generic<T> { <R> R apply(T t); }
            interface Derived<T> extends Appender<T, T, RuntimeException> { void more(T t); }
            class NotAnInterface<T> { void accept(T t) {} }
            @interface Marker {}
            """);
    assertThat(functional.types())
        .extracting(t -> t.symbol().name(), TypeFact::lambdaParameters)
        .containsExactly(
            tuple("Appender", List.of("~0", "~1")),
            tuple("Indexed", List.of("int", "~0", "Object[]")),
            tuple("Plain", List.of("String")),
            tuple("Two", List.of()),
            tuple("Task", List.of()),
            tuple("Generic", List.of()),
            tuple("Derived", List.of()),
            tuple("NotAnInterface", List.of()),
            tuple("Marker", List.of()));
  }

  @Test
  void aLambdaAMethodReturnsIsTypedByTheMethodsReturnTypeButNotOneReturnedFromALambda() {
    FileFacts merging =
        FactsExtractor.extract(
            "Merging.java",
            """
            import java.util.*;
            import java.util.function.*;
            class Merging {
              BinaryOperator<List<Item>> combiner() {
                return (left, right) -> {
                  left.addAll(right);
                  return left;
                };
              }
              Supplier<Function<Item, Item>> nested() {
                return () -> {
                  Function<Item, Item> f = i -> i.copy();
                  return x -> x.copy();
                };
              }
            }
            """);
    List<MemberFact> members = merging.types().get(0).members();
    assertThat(calls(members.get(0).references()))
        .contains(
            tuple("addAll", Receiver.CHAIN, Optional.of("BinaryOperator<List<Item>>#~.0"), 1));
    assertThat(calls(members.get(1).references()))
        .containsExactlyInAnyOrder(
            tuple("copy", Receiver.CHAIN, Optional.of("Function<Item,Item>#~.0"), 0),
            tuple("copy", Receiver.NAME, Optional.empty(), 0));
  }

  @Test
  void aParameterWithTypeArgumentsKeepsThemBesideItsErasure() {
    FileFacts builder =
        FactsExtractor.extract(
            "Builder.java",
            """
            import java.util.function.*;
            class Builder<T> {
              Builder<T> headers(Consumer<HttpHeaders> headers, String name) { return this; }
              Builder<T> cookies(Consumer<? super Cookies> cookies) { return this; }
              Builder<T> each(BiFunction<? extends T, ? super T, T> f, Runnable... after) {
                return this;
              }
              Builder<T> plain(String name, int count) { return this; }
            }
            """);
    assertThat(builder.types().get(0).members())
        .extracting(MemberFact::parameterTypes, MemberFact::genericParameterTypes)
        .containsExactly(
            tuple(List.of("Consumer", "String"), List.of("Consumer<HttpHeaders>", "String")),
            tuple(List.of("Consumer"), List.of("Consumer<Cookies>")),
            tuple(
                List.of("BiFunction", "Runnable[]"),
                List.of("BiFunction<Object,Object,Object>", "Runnable[]")),
            tuple(List.of("String", "int"), List.of()));
    assertThat(builder.types().get(0).members().get(0).genericParameterType(1)).isEqualTo("String");
    assertThat(builder.types().get(0).members().get(3).genericParameterType(0)).isEqualTo("String");
  }

  @Test
  void aTryWithResourcesClosesEachResource() {
    FileFacts copying =
        FactsExtractor.extract(
            "Copying.java",
            """
            import java.io.*;
            class Copying {
              void copy(Reader given) throws IOException {
                try (Reader in = open(); var out = new Sink(); given) {
                  out.write(in.read());
                }
              }
            }
            """);
    List<Reference> refs = copying.types().get(0).members().get(0).references();
    assertThat(calls(refs))
        .filteredOn(call -> call.toList().get(0).equals("close"))
        .containsExactly(
            tuple("close", Receiver.NAME, Optional.of("Reader"), 0),
            tuple("close", Receiver.NAME, Optional.of("Sink"), 0),
            tuple("close", Receiver.NAME, Optional.of("Reader"), 0));
  }

  @Test
  void aValueCheckedForNullIsTheReceiverItWas() {
    FileFacts reading =
        FactsExtractor.extract(
            "Reading.java",
            """
            import java.io.*;
            import java.util.Objects;
            class Reading {
              private Source source;
              byte[] read(InputStream input) {
                Objects.requireNonNull(source, "source").open();
                return bytes(Objects.requireNonNull(input, "input")::read);
              }
            }
            """);
    List<Reference> refs = reading.types().get(0).members().get(1).references();
    assertThat(refs)
        .filteredOn(r -> r.name().equals("open") || r.name().equals("read"))
        .extracting(Reference::name, Reference::receiver, Reference::receiverType)
        .containsExactly(
            tuple("open", Receiver.NAME, Optional.of("Source")),
            tuple("read", Receiver.NAME, Optional.of("InputStream")));
  }

  @Test
  void aMethodReturningTheTypeVariableOfABuilderTypedByItselfReturnsSelf() {
    FileFacts builders =
        FactsExtractor.extract(
            "Builder.java",
            """
            import java.util.stream.BaseStream;
            abstract class Builder<T, B extends Builder<T, B>, S extends BaseStream<T, S>> {
              B setPath(String path) { return (B) this; }
              <B> B other(B value) { return value; }
              S stream() { return null; }
              Builder<T, B, S> plain() { return this; }
              T value() { return null; }
            }
            """);
    List<MemberFact> members = builders.types().get(0).members();
    assertThat(members)
        .extracting(MemberFact::name, MemberFact::type, MemberFact::returnsSelf)
        .containsExactly(
            tuple("setPath", "Builder", true),
            tuple("other", "Object", false),
            tuple("stream", "BaseStream", false),
            tuple("plain", "Builder<Object,Builder,BaseStream>", false),
            tuple("value", "Object", false));
  }

  private MemberFact member(String name) {
    return facts.types().stream()
        .flatMap(t -> t.members().stream())
        .filter(m -> m.symbol().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no member " + name));
  }

  private static List<org.assertj.core.groups.Tuple> calls(List<Reference> references) {
    return references.stream()
        .filter(r -> r.kind() == ReferenceKind.CALL)
        .map(r -> tuple(r.name(), r.receiver(), r.receiverType(), r.arity()))
        .toList();
  }
}
