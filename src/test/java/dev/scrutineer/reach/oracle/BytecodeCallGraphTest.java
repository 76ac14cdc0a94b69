package dev.scrutineer.reach.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The oracle is itself checked by hand: for each fixture under {@code reach-fixtures/}, a few
 * changed declarations and every declaration that depends on them, worked out from the source (the
 * expectations say why when it is not obvious). See {@link BytecodeCallGraph} for the rules.
 */
class BytecodeCallGraphTest {
  private static final Path FIXTURES = Path.of("src/test/resources/reach-fixtures");
  private static final Map<String, FixtureCompiler.Compiled> COMPILED = new HashMap<>();
  private static final Map<String, BytecodeCallGraph> GRAPHS = new HashMap<>();

  @TempDir static Path classes;

  private static synchronized FixtureCompiler.Compiled compiled(String fixture) {
    return COMPILED.computeIfAbsent(
        fixture, f -> FixtureCompiler.compile(FIXTURES.resolve(f), classes.resolve(f)));
  }

  private static synchronized BytecodeCallGraph graph(String fixture) {
    return GRAPHS.computeIfAbsent(fixture, f -> BytecodeCallGraph.of(compiled(f)));
  }

  private static Set<String> reach(String fixture, String... changed) {
    return graph(fixture).reverseReach(Set.of(changed));
  }

  private static Set<String> lines(String block) {
    return block.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toSet());
  }

  private static void assertReach(String fixture, String changed, String expected) {
    assertThat(reach(fixture, changed))
        .as("reverse reach of %s", changed)
        .containsExactlyInAnyOrderElementsOf(lines(expected));
  }

  // ---- the oracle's names are the compiler's names

  @ParameterizedTest
  @ValueSource(
      strings = {"language-basics", "hierarchy", "functional", "enums-records", "spring-app"})
  void everyNodeIsADeclarationAsTheCompilerNamesIt(String fixture) {
    FixtureCompiler.SourceFacts facts = compiled(fixture).facts();
    Set<String> members = new TreeSet<>();
    facts.declared().stream().filter(s -> s.contains("#")).forEach(members::add);
    members.addAll(facts.implicit());

    // Names derived from class files (JVM descriptors, InnerClasses, MethodParameters) agree with
    // names derived from javac's elements; nothing is missing and nothing is invented.
    assertThat(graph(fixture).nodes()).containsExactlyInAnyOrderElementsOf(members);
  }

  @Test
  void anUnknownSymbolIsAnErrorThatListsItsTypesMembers() {
    assertThatThrownBy(() -> reach("language-basics", "com.acme.ledger.money.Money#of(int)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.acme.ledger.money.Money#of(int) is not a declaration")
        .hasMessageContaining("com.acme.ledger.money.Money#of(long)");
  }

  @Test
  void membersAreNamedAsSymbolSpecifies() {
    Set<String> nodes = graph("functional").nodes();
    assertThat(nodes)
        // An inner class's constructor leaves out the outer instance.
        .contains("com.acme.events.Pipeline.Window#Window(int)")
        .contains("com.acme.events.Pipeline.Stats#of(Pipeline)")
        .contains("com.acme.events.EventBus#subscribe(String,Consumer)")
        // Lambda bodies, anonymous and local classes are not declarations of their own.
        .noneMatch(n -> n.contains("lambda$") || n.contains("$1") || n.contains("Tally"));
    assertThat(graph("language-basics").nodes())
        // T extends Comparable<T> erases to Comparable; a method's own type variable to Object.
        .contains("com.acme.ledger.book.Page#add(Comparable)")
        .contains("com.acme.ledger.book.Page#addAll(Object,List)")
        .contains("com.acme.ledger.money.Audit#log(String,Object[])")
        .contains("com.acme.ledger.money.Money#static{}", "com.acme.ledger.money.Money#{}");
    assertThat(graph("enums-records").nodes())
        // An enum constructor leaves out the name and ordinal; valueOf keeps its parameter.
        .contains("com.acme.billing.Plan#Plan()", "com.acme.billing.Plan#Plan(int)")
        .contains("com.acme.billing.Plan#valueOf(String)");
  }

  // ---- language-basics: overloads, constants, initializers, generics, static imports

  @Test
  void anOverloadReachesOnlyItsOwnCallers() {
    // decimal(double) calls decimal(long,int); format() calls decimal(long,int).
    assertReach(
        "language-basics",
        "com.acme.ledger.money.Amounts#pad(long,int)",
        """
        com.acme.ledger.book.Ledger#report()
        com.acme.ledger.book.LedgerMain#main(String[])
        com.acme.ledger.money.Amounts#decimal(double)
        com.acme.ledger.money.Amounts#decimal(long,int)
        com.acme.ledger.money.Money#format()
        """);
    // of(long) is called by of(String), plus(long) and Ledger.add(long); times(int) calls
    // of(long,String) and Ledger.add(Money) calls plus(Money): neither is reached.
    assertReach(
        "language-basics",
        "com.acme.ledger.money.Money#of(long)",
        """
        com.acme.ledger.book.Ledger#add(String)
        com.acme.ledger.book.Ledger#add(long)
        com.acme.ledger.book.LedgerMain#main(String[])
        com.acme.ledger.money.Money#of(String)
        com.acme.ledger.money.Money#plus(long)
        """);
  }

  @Test
  void aStaticBlockIsReachedByWhatInitializesItsClass() {
    // Money's static block logs. Money is initialized by Ledger's static calls Money.of(..) and
    // by the initializer of Ledger.total (Money.zero()); Money's own members need no edge. The
    // field total is read or written by the constructor that initializes it, add(Money), total()
    // and report().
    assertReach(
        "language-basics",
        "com.acme.ledger.money.Audit#log(String)",
        """
        com.acme.ledger.book.Ledger#Ledger()
        com.acme.ledger.book.Ledger#add(Money)
        com.acme.ledger.book.Ledger#add(String)
        com.acme.ledger.book.Ledger#add(long)
        com.acme.ledger.book.Ledger#report()
        com.acme.ledger.book.Ledger#total
        com.acme.ledger.book.Ledger#total()
        com.acme.ledger.book.LedgerMain#main(String[])
        com.acme.ledger.money.Audit#log(String,Object[])
        com.acme.ledger.money.Money#static{}
        """);
  }

  @Test
  void anInlinedConstantIsStillReachedThroughTheCompilersTrees() {
    // DEFAULT_CURRENCY is read by Money(long), by ZERO's initializer and, through a static
    // import, by the constant Ledger.TITLE; none of these reads leaves an instruction behind.
    assertReach(
        "language-basics",
        "com.acme.ledger.money.Money#DEFAULT_CURRENCY",
        """
        com.acme.ledger.book.Ledger#Ledger()
        com.acme.ledger.book.Ledger#TITLE
        com.acme.ledger.book.Ledger#add(Money)
        com.acme.ledger.book.Ledger#add(String)
        com.acme.ledger.book.Ledger#add(long)
        com.acme.ledger.book.Ledger#report()
        com.acme.ledger.book.Ledger#total
        com.acme.ledger.book.Ledger#total()
        com.acme.ledger.book.LedgerMain#main(String[])
        com.acme.ledger.money.Money#Money(long)
        com.acme.ledger.money.Money#ZERO
        com.acme.ledger.money.Money#of(String)
        com.acme.ledger.money.Money#of(long)
        com.acme.ledger.money.Money#plus(long)
        com.acme.ledger.money.Money#zero()
        """);
  }

  @Test
  void anInstanceInitializerIsReachedThroughTheConstructorsThatRunIt() {
    // javac copies { created++; } into Money(long,String) only: Money(long) delegates to it.
    // Everything that creates a Money follows, ZERO's initializer included.
    assertReach(
        "language-basics",
        "com.acme.ledger.money.Money#{}",
        """
        com.acme.ledger.book.Ledger#Ledger()
        com.acme.ledger.book.Ledger#add(Money)
        com.acme.ledger.book.Ledger#add(String)
        com.acme.ledger.book.Ledger#add(long)
        com.acme.ledger.book.Ledger#report()
        com.acme.ledger.book.Ledger#total
        com.acme.ledger.book.Ledger#total()
        com.acme.ledger.book.LedgerMain#main(String[])
        com.acme.ledger.money.Money#Money(long)
        com.acme.ledger.money.Money#Money(long,String)
        com.acme.ledger.money.Money#ZERO
        com.acme.ledger.money.Money#of(String)
        com.acme.ledger.money.Money#of(long)
        com.acme.ledger.money.Money#of(long,String)
        com.acme.ledger.money.Money#plus(Money)
        com.acme.ledger.money.Money#plus(long)
        com.acme.ledger.money.Money#times(int)
        com.acme.ledger.money.Money#zero()
        """);
  }

  @Test
  void genericMethodsAreNamedByTheirErasure() {
    assertReach(
        "language-basics",
        "com.acme.ledger.book.Page#add(Comparable)",
        """
        com.acme.ledger.book.Ledger#add(String)
        com.acme.ledger.book.LedgerMain#main(String[])
        """);
    // Called through a static import.
    assertReach(
        "language-basics",
        "com.acme.ledger.money.Amounts#max(Iterable)",
        "com.acme.ledger.book.Ledger#largestCents()");
  }

  // ---- hierarchy: overrides, abstract classes, default and static interface methods, bridges

  @Test
  void anOverrideIsReachedByCallsThatMayDispatchToIt() {
    // area() is called on Shape in totalArea(), rank(Shape) and the default describe(); Square
    // and ScalableSquare inherit Rectangle's. best(Ranker) calls rank(Object), a bridge to
    // rank(Shape). The abstract Shape#area() does not depend on its implementations.
    assertReach(
        "hierarchy",
        "com.acme.shapes.Rectangle#area()",
        """
        com.acme.shapes.AreaRanker#rank(Shape)
        com.acme.shapes.Drawing#best(Ranker)
        com.acme.shapes.Drawing#summary()
        com.acme.shapes.Drawing#totalArea()
        com.acme.shapes.Shape#describe()
        """);
  }

  @Test
  void aSuperCallAndInheritedImplementationsReachTheSuperclassMethod() {
    // Rectangle.name() calls super.name(); describe() may run it on a Circle, which inherits it.
    assertReach(
        "hierarchy",
        "com.acme.shapes.AbstractShape#name()",
        """
        com.acme.shapes.Drawing#summary()
        com.acme.shapes.Rectangle#name()
        com.acme.shapes.Shape#describe()
        """);
    // The abstract dimensions() called by perimeter() dispatches to each implementation.
    assertReach(
        "hierarchy",
        "com.acme.shapes.Circle#dimensions()",
        """
        com.acme.shapes.AbstractShape#perimeter()
        com.acme.shapes.Drawing#fence(AbstractShape)
        """);
  }

  @Test
  void aCovariantOverrideIsReachedThroughItsBridgeAndThroughAnInterfaceItsSubclassAdds() {
    // Square.scale(double) returns Square, so javac adds a bridge scale(double) returning Shape.
    // stretch(Rectangle) may dispatch to it through that bridge; grow(Scalable) too, because
    // ScalableSquare implements Scalable with the scale it inherits from Square.
    assertReach(
        "hierarchy",
        "com.acme.shapes.Square#scale(double)",
        """
        com.acme.shapes.Drawing#doubled(Square)
        com.acme.shapes.Drawing#grow(Scalable)
        com.acme.shapes.Drawing#stretch(Rectangle)
        """);
    assertReach(
        "hierarchy",
        "com.acme.shapes.Rectangle#scale(double)",
        "com.acme.shapes.Drawing#stretch(Rectangle)");
  }

  @Test
  void aDefaultMethodIsReachedByItsCallersAndNotByItsOverrides() {
    assertReach(
        "hierarchy", "com.acme.shapes.Shape#describe()", "com.acme.shapes.Drawing#summary()");
  }

  @Test
  void aConstructorIsReachedByNewSuperAndAStaticInterfaceMethod() {
    assertReach(
        "hierarchy",
        "com.acme.shapes.Square#Square(double)",
        """
        com.acme.shapes.Drawing#doubled(Square)
        com.acme.shapes.Drawing#grow(Scalable)
        com.acme.shapes.Drawing#sample()
        com.acme.shapes.Drawing#stretch(Rectangle)
        com.acme.shapes.ScalableSquare#ScalableSquare(double)
        com.acme.shapes.Shape#unit()
        com.acme.shapes.Square#scale(double)
        """);
  }

  // ---- functional: lambdas, method references, anonymous, local, inner and nested classes

  @Test
  void lambdasAndMethodReferencesBelongToTheMethodThatCreatesThem() {
    // Static, bound and unbound references, a lambda and a constructor reference.
    assertReach(
        "functional", "com.acme.events.Handlers#audit(Event)", "com.acme.events.Pipeline#wire()");
    // Report's field holds a lambda calling count(); the constructor runs its initializer, and
    // render() calls format() on it. counting() and counter() return other such lambdas, and
    // countAll() passes one to a method taking a Consumer<Handlers>.
    assertReach(
        "functional",
        "com.acme.events.Handlers#count(Event)",
        """
        com.acme.events.Pipeline#wire()
        com.acme.events.Report#Report(Formatter)
        com.acme.events.Report#countAll(Report,List,Handlers)
        com.acme.events.Report#counter(Event)
        com.acme.events.Report#counting()
        com.acme.events.Report#render(List,Handlers)
        com.acme.events.Report#tally
        """);
    assertReach(
        "functional", "com.acme.events.Pipeline#alarm(Event)", "com.acme.events.Pipeline#wire()");
    assertReach(
        "functional",
        "com.acme.events.Handlers#heavy(Event)",
        "com.acme.events.Pipeline#heavyTypes()");
    assertReach(
        "functional",
        "com.acme.events.Event#Event(String)",
        "com.acme.events.Pipeline#replay(List)");
    // A lambda inside a lambda inside replay().
    assertReach(
        "functional",
        "com.acme.events.EventBus#publish(Event)",
        "com.acme.events.Pipeline#replay(List)");
  }

  @Test
  void aConstructorReferenceInAFieldInitializerBelongsToTheField() {
    // Handlers::new initializes freshHandlers and new Handlers() initializes handlers; the
    // constructor runs both initializers, fresh(), measure() and wire() read the fields.
    assertReach(
        "functional",
        "com.acme.events.Handlers#Handlers()",
        """
        com.acme.events.Pipeline#Pipeline(Scheduler)
        com.acme.events.Pipeline#fresh()
        com.acme.events.Pipeline#freshHandlers
        com.acme.events.Pipeline#handlers
        com.acme.events.Pipeline#measure(boolean)
        com.acme.events.Pipeline#wire()
        """);
  }

  @Test
  void anAnonymousClassBelongsToItsEnclosingMethodAndIsReachedByDispatch() {
    // flush() is called by the anonymous Runnable in start(). ImmediateScheduler.submit calls
    // Runnable.run(), which may be that Runnable's run(): submit depends on start()'s code, and
    // so does replay(), which calls submit.
    assertReach(
        "functional",
        "com.acme.events.Pipeline#flush()",
        """
        com.acme.events.ImmediateScheduler#submit(Runnable)
        com.acme.events.Pipeline#replay(List)
        com.acme.events.Pipeline#start()
        """);
  }

  @Test
  void localInnerAndNestedClasses() {
    // summarize() declares the local class Tally, whose add(Event) reads weight().
    assertReach(
        "functional",
        "com.acme.events.Event#weight()",
        """
        com.acme.events.Census#count(Event)
        com.acme.events.Handlers#count(Event)
        com.acme.events.Handlers#heavy(Event)
        com.acme.events.Pipeline#alarm(Event)
        com.acme.events.Pipeline#heavyTypes()
        com.acme.events.Pipeline#summarize()
        com.acme.events.Pipeline#wire()
        com.acme.events.Report#Report(Formatter)
        com.acme.events.Report#countAll(Report,List,Handlers)
        com.acme.events.Report#counter(Event)
        com.acme.events.Report#counting()
        com.acme.events.Report#render(List,Handlers)
        com.acme.events.Report#tally
        """);
    assertReach(
        "functional",
        "com.acme.events.Pipeline.Window#last()",
        "com.acme.events.Pipeline.Stats#of(Pipeline)");
  }

  // ---- enums-records: constant bodies, switches, records

  @Test
  void anEnumConstantBodyBelongsToTheConstant() {
    // ENTERPRISE's price(int) calls volume; Invoice.of calls plan.price(users), which may run it.
    assertReach(
        "enums-records",
        "com.acme.billing.Discounts#volume(long,int)",
        """
        com.acme.billing.Billing#invoice(String,String,int)
        com.acme.billing.Invoice#of(String,Plan,int)
        com.acme.billing.Plan#ENTERPRISE
        """);
    // FREE is a switch label in label(Plan) (read through a synthetic switch map in bytecode), is
    // compared in isPaid(), and its body may run from Invoice.of.
    assertReach(
        "enums-records",
        "com.acme.billing.Plan#FREE",
        """
        com.acme.billing.Billing#invoice(String,String,int)
        com.acme.billing.Billing#label(Plan)
        com.acme.billing.Billing#paidPlans()
        com.acme.billing.Invoice#of(String,Plan,int)
        com.acme.billing.Plan#isPaid()
        """);
    // TEAM inherits price(int); ENTERPRISE calls super.price(users).
    assertReach(
        "enums-records",
        "com.acme.billing.Plan#price(int)",
        """
        com.acme.billing.Billing#invoice(String,String,int)
        com.acme.billing.Invoice#of(String,Plan,int)
        com.acme.billing.Plan#ENTERPRISE
        """);
  }

  @Test
  void aConstantIsReachedWhereverItIsInlined() {
    assertReach(
        "enums-records",
        "com.acme.billing.Limits#MAX_USERS",
        """
        com.acme.billing.Billing#invoice(String,String,int)
        com.acme.billing.Billing#maxUsers()
        com.acme.billing.Invoice#of(String,Plan,int)
        com.acme.billing.Plan#ENTERPRISE
        """);
    // STARTED is not a compile-time constant: a plain getstatic.
    assertReach(
        "enums-records", "com.acme.billing.Limits#STARTED", "com.acme.billing.Billing#uptime()");
  }

  @Test
  void recordsCompactConstructorsAndAccessors() {
    assertReach(
        "enums-records",
        "com.acme.billing.Validation#requireNonBlank(String)",
        """
        com.acme.billing.Billing#invoice(String,String,int)
        com.acme.billing.Invoice#Invoice(String,Plan,long)
        com.acme.billing.Invoice#of(String,Plan,int)
        """);
    // The component's field is read by the implicit accessor and by equals, hashCode and
    // toString (through method handles), and written by the canonical constructor.
    assertReach(
        "enums-records",
        "com.acme.billing.Invoice#amount",
        """
        com.acme.billing.Billing#invoice(String,String,int)
        com.acme.billing.Billing#total(List)
        com.acme.billing.Invoice#Invoice(String,Plan,long)
        com.acme.billing.Invoice#amount()
        com.acme.billing.Invoice#equals(Object)
        com.acme.billing.Invoice#hashCode()
        com.acme.billing.Invoice#of(String,Plan,int)
        com.acme.billing.Invoice#toString()
        """);
    assertReach(
        "enums-records",
        "com.acme.billing.Invoice#customer()",
        "com.acme.billing.Billing#customers(List)");
  }

  // ---- spring-app: controller → service interface → implementation → repository

  @Test
  void anImplementationIsReachedByCallersOfTheInterfaceItImplements() {
    // DefaultOrderService.get calls OrderRepository.findById, which dispatches to the JDBC one;
    // the controller and the test call OrderService.get, which dispatches to DefaultOrderService.
    // Neither interface method is reached: they do not depend on their implementations.
    assertReach(
        "spring-app",
        "com.acme.shop.order.JdbcOrderRepository#findById(long)",
        """
        com.acme.shop.order.DefaultOrderService#get(long)
        com.acme.shop.order.DefaultOrderServiceTest#placesAndFindsAnOrder()
        com.acme.shop.web.OrderController#get(long)
        """);
    assertReach(
        "spring-app",
        "com.acme.shop.order.JdbcOrderRepository#deleteOlderThan(long)",
        """
        com.acme.shop.jobs.ExpiryJob#expire()
        com.acme.shop.order.DefaultOrderService#expireStale()
        """);
  }

  @Test
  void anInterfaceMethodIsReachedByItsCallersOnly() {
    assertReach(
        "spring-app",
        "com.acme.shop.order.OrderService#search(String)",
        """
        com.acme.shop.order.DefaultOrderServiceTest#searchesByCustomer()
        com.acme.shop.web.OrderController#search(String)
        """);
  }

  @Test
  void aRepositoryFieldReachesEveryEndpointJobListenerAndTest() {
    // Every repository method uses rows, and so does the repository's constructor (its
    // initializer), which the test's service field creates.
    assertReach(
        "spring-app",
        "com.acme.shop.order.JdbcOrderRepository#rows",
        """
        com.acme.shop.jobs.ExpiryJob#expire()
        com.acme.shop.jobs.OrderEventsListener#onMessage(String)
        com.acme.shop.order.DefaultOrderService#expireStale()
        com.acme.shop.order.DefaultOrderService#get(long)
        com.acme.shop.order.DefaultOrderService#place(String,long)
        com.acme.shop.order.DefaultOrderService#search(String)
        com.acme.shop.order.DefaultOrderServiceTest#DefaultOrderServiceTest()
        com.acme.shop.order.DefaultOrderServiceTest#placesAndFindsAnOrder()
        com.acme.shop.order.DefaultOrderServiceTest#searchesByCustomer()
        com.acme.shop.order.DefaultOrderServiceTest#service
        com.acme.shop.order.JdbcOrderRepository#JdbcOrderRepository()
        com.acme.shop.order.JdbcOrderRepository#deleteOlderThan(long)
        com.acme.shop.order.JdbcOrderRepository#findByCustomer(String)
        com.acme.shop.order.JdbcOrderRepository#findById(long)
        com.acme.shop.order.JdbcOrderRepository#save(Order)
        com.acme.shop.web.OrderController#get(long)
        com.acme.shop.web.OrderController#place(String,long)
        com.acme.shop.web.OrderController#search(String)
        """);
    assertReach(
        "spring-app",
        "com.acme.shop.order.PriceCalculator#withTax(long)",
        """
        com.acme.shop.jobs.OrderEventsListener#onMessage(String)
        com.acme.shop.order.DefaultOrderService#place(String,long)
        com.acme.shop.order.DefaultOrderServiceTest#addsTax()
        com.acme.shop.order.DefaultOrderServiceTest#placesAndFindsAnOrder()
        com.acme.shop.order.DefaultOrderServiceTest#searchesByCustomer()
        com.acme.shop.web.OrderController#place(String,long)
        """);
    assertReach(
        "spring-app",
        "com.acme.shop.order.JdbcOrderRepository#FIND_BY_ID",
        """
        com.acme.shop.order.DefaultOrderService#get(long)
        com.acme.shop.order.DefaultOrderServiceTest#placesAndFindsAnOrder()
        com.acme.shop.order.JdbcOrderRepository#findById(long)
        com.acme.shop.web.OrderController#get(long)
        """);
  }

  @Test
  void bytecodeSeesNoFrameworkWiringButKeepsTheAnnotations() {
    BytecodeCallGraph graph = graph("spring-app");
    // The framework creates the beans reflectively: main reaches none of the application. A
    // static engine needs framework rules for that; the oracle only records the annotations.
    assertThat(graph.callees().get("com.acme.shop.ShopApplication#main(String[])"))
        .containsExactly("org.springframework.boot.SpringApplication#run(Class,String[])");
    assertThat(graph.annotations("com.acme.shop.web.OrderController#get(long)"))
        .containsExactly("org.springframework.web.bind.annotation.GetMapping");
    assertThat(graph.annotations("com.acme.shop.jobs.ExpiryJob#expire()"))
        .containsExactly("org.springframework.scheduling.annotation.Scheduled");
    assertThat(graph.annotations("com.acme.shop.jobs.OrderEventsListener#onMessage(String)"))
        .containsExactly("org.springframework.kafka.annotation.KafkaListener");
    assertThat(graph.annotations("com.acme.shop.order.DefaultOrderServiceTest#addsTax()"))
        .containsExactly("org.junit.jupiter.api.Test");
  }

  @Test
  void callersIsTheInverseOfCallees() {
    for (String fixture : Arrays.asList("hierarchy", "spring-app")) {
      BytecodeCallGraph graph = graph(fixture);
      graph
          .callees()
          .forEach(
              (from, tos) -> tos.forEach(to -> assertThat(graph.callers().get(to)).contains(from)));
      assertThat(graph.callers().values().stream().mapToInt(Set::size).sum())
          .isEqualTo(graph.edgeCount());
    }
  }
}
