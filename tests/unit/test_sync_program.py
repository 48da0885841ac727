from __future__ import annotations

import re

from frontdesk.config import DEFAULT_PROGRAM, load_program
from frontdesk.domain import messages
from frontdesk.services.sync_port import effective_program

LOCAL = load_program()
BODY = DEFAULT_PROGRAM.read_text(encoding="utf-8")


def test_no_program_from_head_office_means_the_local_file() -> None:
    chosen = effective_program(None, LOCAL)

    assert chosen.program is LOCAL
    assert not chosen.from_head_office
    assert chosen.problem is None


def test_a_valid_program_from_head_office_is_used() -> None:
    body = BODY.replace('pay_rate = "0.90"            # 9折', 'pay_rate = "0.88"', 1)

    chosen = effective_program(body, LOCAL)

    assert chosen.from_head_office
    assert chosen.program.tier("gold").pay_rate != LOCAL.tier("gold").pay_rate


def test_an_invalid_program_from_head_office_is_refused_with_the_field_named() -> None:
    body = BODY.replace('code = "gold"', 'code = "silver"', 1)

    chosen = effective_program(body, LOCAL)

    assert chosen.program is LOCAL
    assert not chosen.from_head_office
    assert chosen.problem is not None
    said, said_en = (messages.render(chosen.problem, lang) for lang in (messages.ZH, messages.EN))
    assert "总部下发的会员方案无效" in said
    assert "tiers" in said
    assert said_en.startswith("Head office's program is invalid")
    assert not re.search("[\u4e00-\u9fff]", said_en), said_en  # not even the program's source
    assert "tiers" in said_en


def test_a_program_that_is_not_toml_is_refused() -> None:
    chosen = effective_program("tiers = [", LOCAL)

    assert chosen.program is LOCAL
    assert chosen.problem is not None
    assert "(syntax)" in messages.render(chosen.problem)
