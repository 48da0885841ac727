"""Every help text of the command, in Chinese and English: one table, one entry per key.

The table is kept in a module per command group (`till`, `members`, `money`, `head_office`,
`devices`, `data`) and joined here. The Chinese column is the default; `--lang en` picks the
English one. A test checks that both columns are complete and that no English text holds a
Chinese character.
"""

from __future__ import annotations

from frontdesk.cli.help_text import data, devices, head_office, members, money, till

LANGUAGES = ("zh_CN", "en")


def _joined() -> dict[str, tuple[str, str]]:
    """One table from the groups; a key given twice is a mistake caught here."""
    joined: dict[str, tuple[str, str]] = {}
    for group in (till, members, money, head_office, devices, data):
        twice = joined.keys() & group.HELP.keys()
        if twice:
            raise RuntimeError(f"help keys defined twice: {sorted(twice)}")
        joined.update(group.HELP)
    return joined


HELP: dict[str, tuple[str, str]] = _joined()

# argparse's own words, for the languages it has no catalogue for here (English is its own).
ARGPARSE_TEXT: dict[str, dict[str, str]] = {
    "zh_CN": {
        "usage: ": "用法：",
        "positional arguments": "参数",
        "options": "选项",
        "show this help message and exit": "显示本帮助并退出",
        "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
        "the following arguments are required: %s": "缺少必填参数：%s",
        "unrecognized arguments: %s": "无法识别的参数：%s",
        "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
        "expected one argument": "需要一个值",
        "invalid %(type)s value: %(value)r": "%(type)s 值无效：%(value)r",
        "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
        "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
        "not allowed with argument %s": "不能与参数 %s 同时使用",
    },
    "en": {},
}
