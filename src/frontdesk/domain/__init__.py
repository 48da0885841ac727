"""Business rules of the membership program: plain Python, no I/O."""
