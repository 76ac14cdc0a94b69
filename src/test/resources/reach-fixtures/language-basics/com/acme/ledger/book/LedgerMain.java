package com.acme.ledger.book;

/** The command-line entry point. */
public class LedgerMain {
  public static void main(String[] args) {
    Ledger ledger = new Ledger();
    for (String arg : args) {
      ledger.add(arg);
    }
    System.out.println(ledger.report());
  }
}
