"""Turning a scanner's byte stream into whole frames, and measuring text in printer cells."""

from __future__ import annotations

from frontdesk.hardware.cells import cells, spread, wrap
from frontdesk.hardware.framing import TOO_LONG, Frame, FrameAssembler, Framing, Terminator


def test_a_frame_split_over_reads_is_handed_out_once_whole() -> None:
    assembler = FrameAssembler(Framing(Terminator.CR))

    first = assembler.feed(b"69012", now=0.0)
    second = assembler.feed(b"34567892\r", now=0.01)

    assert first == []
    assert second == [Frame(b"6901234567892")]


def test_crlf_frames_come_out_one_each_with_no_empty_frames() -> None:
    assembler = FrameAssembler(Framing(Terminator.CRLF))

    frames = assembler.feed(b"111\r\n222\r\n\r\n", now=0.0)

    assert frames == [Frame(b"111"), Frame(b"222")]


def test_a_stray_lf_from_a_crlf_scanner_on_a_cr_till_is_not_data() -> None:
    assembler = FrameAssembler(Framing(Terminator.CR))

    frames = assembler.feed(b"111\r\n222\r\n", now=0.0)

    assert frames == [Frame(b"111"), Frame(b"222")]


def test_prefix_and_suffix_are_removed_and_a_frame_without_them_is_flagged() -> None:
    assembler = FrameAssembler(Framing(Terminator.LF, prefix=b"\x02", suffix=b"\x03"))

    frames = assembler.feed(b"\x02ABC\x03\nXYZ\n", now=0.0)

    assert frames == [Frame(b"ABC"), Frame(b"XYZ", framed=False)]


def test_a_partial_frame_that_goes_quiet_is_dropped() -> None:
    assembler = FrameAssembler(Framing(Terminator.CR, partial_timeout=0.5))
    assembler.feed(b"8001", now=0.0)

    dropped = assembler.expire(now=0.6)
    frames = assembler.feed(b"123\r", now=0.7)

    assert dropped
    assert frames == [Frame(b"123")]


def test_han_characters_and_the_full_width_yen_take_two_cells() -> None:
    assert cells("会员") == 4
    assert cells("￥12.00") == 7
    assert cells("abc") == 3


def test_wrapping_never_splits_a_han_character_or_exceeds_the_width() -> None:
    lines = wrap("农夫山泉饮用天然水550ml农夫山泉", 9)

    assert all(cells(line) <= 9 for line in lines)
    assert "".join(lines) == "农夫山泉饮用天然水550ml农夫山泉"


def test_a_label_and_an_amount_that_do_not_fit_go_on_two_lines() -> None:
    lines = spread("储值本金（含赠送部分）", "￥1,234.56", 20)

    assert all(cells(line) <= 20 for line in lines)
    assert lines[-1].endswith("￥1,234.56")


def test_a_stream_without_a_terminator_is_capped_and_reported_once() -> None:
    assembler = FrameAssembler(Framing(Terminator.CR, max_frame=256))
    reported = []

    for i in range(2000):  # 950 KB without a CR, never quiet for long
        reported += assembler.feed(b"A" * 475, now=i * 0.01)
        assert len(assembler.pending) <= 256 + 475

    assert reported == [TOO_LONG]


def test_after_an_overlong_frame_the_next_scan_is_read_whole() -> None:
    assembler = FrameAssembler(Framing(Terminator.CR, max_frame=16))

    first = assembler.feed(b"X" * 40, now=0.0)
    rest = assembler.feed(b"XXXX\r6901234567892\r", now=0.01)

    assert first == [TOO_LONG]
    assert rest == [Frame(b"6901234567892")]


def test_a_terminated_frame_over_the_cap_is_dropped_too() -> None:
    assembler = FrameAssembler(Framing(Terminator.LF, max_frame=16))

    frames = assembler.feed(b"Y" * 17 + b"\n" + b"123\n", now=0.0)

    assert frames == [TOO_LONG, Frame(b"123")]


def test_silence_ends_an_overlong_frame() -> None:
    assembler = FrameAssembler(Framing(Terminator.CR, max_frame=16, partial_timeout=0.5))
    assembler.feed(b"Z" * 40, now=0.0)

    assembler.expire(now=1.0)
    frames = assembler.feed(b"123\r", now=1.1)

    assert frames == [Frame(b"123")]
