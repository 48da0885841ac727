"""Device integration tests: socat serial pairs, loopback TCP printers, PDFs read back."""
