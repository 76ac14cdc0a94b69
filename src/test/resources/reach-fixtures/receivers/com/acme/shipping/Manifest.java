package com.acme.shipping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Calls on what the JDK's generic types hold: the type arguments say where they go. */
public class Manifest {
  private final List<Item> items = new ArrayList<>();
  private final Map<String, Label> labels = new TreeMap<>();

  public String first() {
    return items.get(0).name();
  }

  public String labelled(String key, String text) {
    return labels.get(key).render(text);
  }

  public String firstLabel(String text) {
    for (Map.Entry<String, Label> entry : labels.entrySet()) {
      return entry.getValue().render(text);
    }
    return text;
  }

  public int heaviest(List<Shipment> shipments) {
    return shipments.stream().findFirst().orElseThrow().weight();
  }

  public String named(Optional<Item> item) {
    return item.map(Item::name).orElse("none");
  }

  public long heavy(List<Shipment> shipments) {
    return shipments.stream().filter(s -> s.weight() > 10).count();
  }

  public String rendered(String text) {
    StringBuilder out = new StringBuilder();
    labels.forEach((key, label) -> out.append(key).append(label.render(text)));
    items.forEach(item -> out.append(item.name()));
    return out.toString();
  }

  public String firstIn(Parcel parcel) {
    return parcel.contents().get(0).name();
  }
}
