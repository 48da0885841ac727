"""Device adapters: serial scanner, ESC/POS and PDF receipt printers, member-card printer."""
