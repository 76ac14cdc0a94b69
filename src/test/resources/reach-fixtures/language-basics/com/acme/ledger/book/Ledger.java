package com.acme.ledger.book;

import static com.acme.ledger.money.Amounts.max;
import static com.acme.ledger.money.Money.DEFAULT_CURRENCY;

import com.acme.ledger.money.Audit;
import com.acme.ledger.money.Money;
import java.util.ArrayList;
import java.util.List;

/** Uses Money through overloads, static imports and a field initializer. */
public class Ledger {
  public static final String TITLE = "Ledger in " + DEFAULT_CURRENCY;

  private final List<Money> entries = new ArrayList<>();
  private Money total = Money.zero();
  private final Page<String> notes = new Page<>();

  public void add(Money amount) {
    entries.add(amount);
    total = total.plus(amount);
  }

  public void add(long cents) {
    add(Money.of(cents));
  }

  public void add(String amount) {
    add(Money.of(amount));
    notes.add(amount);
  }

  public Money total() {
    return total;
  }

  public long largestCents() {
    List<Long> cents = new ArrayList<>();
    for (Money entry : entries) {
      cents.add(entry.cents());
    }
    return max(cents);
  }

  public String report() {
    Audit.log("report for %s", TITLE);
    return TITLE + ": " + total.format();
  }
}
