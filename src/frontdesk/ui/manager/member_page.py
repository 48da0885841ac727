"""The member page: who, balances and points, then tickets, top-ups, points lots and cards."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import errors, messages
from frontdesk.services.till_port import MemberHistory, TillBackend
from frontdesk.ui.i18n import Translations, error_text
from frontdesk.ui.manager.common import ERROR, card_state_label, column_title
from frontdesk.ui.till_panels import tier_text

ModelIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RowsModel(QAbstractTableModel):
    """A read-only table of text rows under translated headers; numbers align right."""

    def __init__(
        self, headers: Sequence[str], rows: Sequence[Sequence[str]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self.right_columns: set[int] = set()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_columns:
            return _RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return column_title(self._headers, section, orientation, role)


class MemberPageDialog(QDialog):
    """One member's page; Ctrl+Tab moves between the tables, Esc closes."""

    def __init__(self, backend: TillBackend, member_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Member page"))
        self.resize(900, 560)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        self.history: MemberHistory | None = None
        try:
            self.history = backend.member_history(member_id)
        except errors.DomainError as err:
            self.summary_label.setStyleSheet(ERROR)
            self.summary_label.setText(error_text(err))
            return
        self.summary_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary_label.setText(self._summary(self.history))
        for title, model in self._tables(self.history):
            view = QTableView(self.tabs)
            model.setParent(view)
            view.setModel(model)
            view.verticalHeader().hide()
            view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            self.tabs.addTab(view, title)
        self.tabs.setFocus()

    @classmethod
    def ask(cls, backend: TillBackend, member_id: str, parent: QWidget | None = None) -> None:
        cls(backend, member_id, parent).exec()

    def _kind(self, code: str) -> str:
        kinds = {
            "sale": self.tr("Sale"),
            "refund": self.tr("Refund"),
            "topup": self.tr("Top-up"),
            "cashout": self.tr("Card return"),
            "reissue": self.tr("Reissue fee"),
        }
        return kinds.get(code, code)

    def _summary(self, h: MemberHistory) -> str:
        m = h.member
        lang = "zh_CN" if Translations.current() == "zh_CN" else "en"
        lines = [
            f"{m.name}    {m.shown_phone}    {tier_text(m.tier, m.tier_name)}",
            self.tr(
                "Card {card}    Balance {balance} (principal {principal}, bonus {bonus})    "
                "Points {points}"
            ).format(
                card=m.card_no or self.tr("none active"),
                balance=m.balance,
                principal=m.principal,
                bonus=m.bonus,
                points=f"{m.points:,}",
            ),
        ]
        lines += [messages.render(n, lang) for n in m.notices]
        return "\n".join(lines)

    def _tables(self, h: MemberHistory) -> list[tuple[str, RowsModel]]:
        """The page's four tables, each with its tab title."""
        tickets = RowsModel(
            [
                self.tr("Time"),
                self.tr("Receipt"),
                self.tr("Kind"),
                self.tr("Amount"),
                self.tr("Points"),
            ],
            [
                [
                    f"{t.at:%Y-%m-%d %H:%M}",
                    t.receipt_no,
                    self._kind(t.kind) + (self.tr(" (refunded)") if t.refunded else ""),
                    str(t.total),
                    f"{t.points:+,}" if t.points else "",
                ]
                for t in h.tickets
            ],
        )
        tickets.right_columns = {3, 4}
        topups = RowsModel(
            [self.tr("Time"), self.tr("Receipt"), self.tr("Principal"), self.tr("Bonus")],
            [[_minute(t.at), t.receipt_no, str(t.principal), str(t.bonus)] for t in h.topups],
        )
        topups.right_columns = {2, 3}
        lots = RowsModel(
            [self.tr("Earned in"), self.tr("Points"), self.tr("Usable until")],
            [[str(lot.year), f"{lot.points:,}", lot.expires.isoformat()] for lot in h.lots],
        )
        lots.right_columns = {1}
        cards = RowsModel(
            [self.tr("Card number"), self.tr("Generation"), self.tr("State"), self.tr("Since")],
            [
                [c.card_no, str(c.generation), card_state_label(c.state), _minute(c.since)]
                for c in h.cards
            ],
        )
        return [
            (self.tr("Tickets ({n})").format(n=len(h.tickets)), tickets),
            (self.tr("Top-ups ({n})").format(n=len(h.topups)), topups),
            (self.tr("Points lots ({n})").format(n=len(h.lots)), lots),
            (self.tr("Cards ({n})").format(n=len(h.cards)), cards),
        ]


def _minute(iso: str) -> str:
    """2026-03-10T12:00:00+08:00 as 2026-03-10 12:00."""
    return iso[:16].replace("T", " ")
