"""What a failed write says, and the KPI sheets made from the KPI result as it is."""

from __future__ import annotations

import errno
from datetime import date
from decimal import Decimal
from pathlib import Path

from frontdesk.domain.analytics import Activity, Kpis, ValueBands
from frontdesk.domain.money import Fen
from frontdesk.services.export_files import unwritable
from frontdesk.services.exports import kpi_tables


def test_a_read_only_folder_is_said_as_a_person_reads_it_in_both_languages() -> None:
    err = unwritable(Path("/mnt/u/m.xlsx"), PermissionError(errno.EACCES, "Permission denied"))
    assert err.message == "无法写入文件 /mnt/u/m.xlsx：没有写入该文件夹的权限，请换一个文件夹"
    assert err.message_en == (
        "Cannot write the file /mnt/u/m.xlsx: no permission to write there; choose another folder"
    )
    full = unwritable(Path("k.pdf"), OSError(errno.ENOSPC, "No space left on device"))
    assert (full.message, full.message_en) == (
        "无法写入文件 k.pdf：磁盘已满",
        "Cannot write the file k.pdf: the disk is full",
    )


def test_the_kpi_sheets_hold_the_result_objects_figures_money_as_fen() -> None:
    k = Kpis(
        as_of=date(2026, 3, 10),
        members=10,
        new_members=2,
        growth_rate=Decimal("0.25"),
        monthly_active_rate=Decimal("0.4"),
        retention_rate=Decimal("0.5"),
        repurchase_rate=Decimal("0.25"),
        dormant_share=Decimal("0.1"),
        activity={
            Activity.ACTIVE: 4,
            Activity.COOLING: 3,
            Activity.AT_RISK: 2,
            Activity.DORMANT: 1,
        },
        value_bands=ValueBands(top=2, middle=6, bottom=2, top_from=Fen(120000)),
        member_average_ticket=Fen(8850),
        guest_average_ticket=Fen(2950),
        member_vs_guest=Decimal("3.00"),
        stored_value_principal=Fen(500000),
        stored_value_bonus=Fen(60000),
        points_liability=12345,
    )
    figures, activity, bands = kpi_tables(k)
    named = {row[0]: (i, row[1]) for i, row in enumerate(figures.rows)}
    for name, fen in (("会员客单价", 8850), ("储值负债：本金", 500000), ("储值负债：赠金", 60000)):
        i, value = named[name]
        assert value == fen
        assert figures.is_money(i, 1)
    i, members = named["会员总数"]
    assert (members, figures.is_money(i, 1)) == (10, False)
    assert named["积分负债（分）"][1] == 12345
    assert [r[1] for r in activity.rows] == [4, 3, 2, 1]
    assert [r[1] for r in bands.rows] == [2, 6, 2]
