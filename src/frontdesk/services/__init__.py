"""Use cases of the till: what a cashier, a manager and head office ask of it."""
