"""frontdesk: a membership till for Chinese retail chains."""

__version__ = "0.1.0"
