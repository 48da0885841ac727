"""The USB backend goes through pyusb and libusb for real; with no printer plugged in the
receipt is not lost and the cashier is told, exactly as for a network printer that is off."""

from __future__ import annotations

import pytest

from frontdesk.hardware import sample_receipts
from frontdesk.hardware.escpos_printer import Backend, EscposReceiptPrinter, PrinterConnection
from frontdesk.services.printing import PrinterFault


def test_a_usb_printer_that_is_not_plugged_in_is_reported_offline() -> None:
    connection = PrinterConnection(backend=Backend.USB, usb_vendor=0x0416, usb_product=0x5011)
    printer = EscposReceiptPrinter(connection)

    with pytest.raises(PrinterFault, match="未连接"):
        printer.print(sample_receipts.sale())
