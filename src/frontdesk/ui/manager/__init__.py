"""Manager screens: members and cards, stored value, refunds, PINs, points, tiers, audit, shift."""

from frontdesk.ui.manager.dialog import ManagerDialog

__all__ = ["ManagerDialog"]
