package io.tradebook.core.execution;

/** A CASH account never goes below zero cash and cannot short; a MARGIN account trades under the Reg-T style rule of {@link BuyingPower}. */
public enum AccountType {
    CASH, MARGIN
}
