"""The text segmenter: lines → blocks with layout, bullet-tree comments, headline and caption."""

from __future__ import annotations

from pageparts import Options
from pageparts.blocks import Page, ParsedPage
from pageparts.text import read_text
from pageparts.text.lines import MAX_LINE_CHARS, split_lines
from pageparts.text.segment import wrap_width

PROSE = ("The committee met on Tuesday to review the proposal, and after a long debate the "
         "members agreed to publish the full report before the end of the month.")
PROSE2 = ("Several residents said they had not been consulted, although the council insists "
          "that every household received a letter describing the plans in detail.")


def _read(text: str) -> ParsedPage:
    return read_text(Page(text, "text"), Options())


def test_bullets_record_indent_depth_and_marker() -> None:
    parsed = _read("  • Home\n  • News\n    • World\n    • Sport\n")
    blocks = parsed.blocks
    assert [b.text for b in blocks] == ["Home", "News", "World", "Sport"]
    assert [b.tag for b in blocks] == ["li"] * 4
    assert [b.depth for b in blocks] == [0, 0, 1, 1]
    assert [b.indent for b in blocks] == [2, 2, 4, 4]
    assert all(b.bullet == "•" for b in blocks)


def test_numbered_and_dash_bullets() -> None:
    blocks = _read("1. First step\n2) Second step\n- a dash item\n-5 degrees outside\n").blocks
    assert [b.bullet for b in blocks] == ["1.", "2)", "-", None]
    assert blocks[3].text == "-5 degrees outside"


def test_day_and_month_name_is_a_date_not_a_numbered_item() -> None:
    text = ("1. Juni 2016\n12. März\n3. Oktober 2020, 14:00\n5. Juni bis 6. Juli\n"
            "1. janvier 2020\n4. Mai\n")
    blocks = _read(text).blocks
    assert [b.bullet for b in blocks] == [None] * 6
    assert [b.text for b in blocks] == text.splitlines()


def test_numbered_item_starting_with_a_month_like_word_stays_an_item() -> None:
    blocks = _read("1. Set up the oven\n2. May I ask a question\n3. Marathon training\n"
                   "32. Juni\n").blocks
    assert [b.bullet for b in blocks] == ["1.", "2.", "3.", "32."]
    assert blocks[0].text == "Set up the oven"


def test_blank_lines_before_are_counted() -> None:
    blocks = _read("Title line here\n\n\nFirst paragraph.\nSecond line.\n").blocks
    assert [b.blank_before for b in blocks] == [0, 2, 0]


def test_wet_lines_are_one_block_each() -> None:
    text = "\n".join(["Home", "About us", PROSE, PROSE2, "Share this", "Copyright 2024"])
    blocks = _read(text).blocks
    assert [b.text for b in blocks] == text.split("\n")
    assert all(b.tag in ("line", "h1", "h2") and b.n_lines == 1 for b in blocks)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    words = (PROSE + " " + PROSE2 + " ") * 3
    lines, line = [], ""
    for w in words.split():
        if len(line) + len(w) + 1 > 72:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    text = "\n".join(lines[:6]) + "\n\n" + "\n".join(lines[6:])
    assert wrap_width(split_lines(text)) is not None
    blocks = _read(text).blocks
    assert len(blocks) == 2
    assert blocks[0].n_lines == 6
    assert " ".join(b.text for b in blocks) == " ".join(words.split())


def test_tab_separated_cells_are_a_table_row() -> None:
    blocks = _read("Name\t\tPrice\nApple\t\t1.20\n").blocks
    assert [(b.tag, b.text) for b in blocks] == [("tr", "Name | Price"), ("tr", "Apple | 1.20")]


def test_headline_is_the_repeated_short_line_above_the_prose() -> None:
    text = "\n\n".join(["Menu", "Search", "A Bridge Opens Over The River",
                        "A Bridge Opens Over The River", PROSE, PROSE2,
                        "A Bridge Opens Over The River"])
    parsed = _read(text)
    assert parsed.meta.title == "A Bridge Opens Over The River"
    assert parsed.blocks[2].tag == "h1"
    assert parsed.blocks[3].tag != "h1"


def test_headline_without_repetition_is_the_line_above_the_prose() -> None:
    parsed = _read("\n\n".join(["Home", "Council Approves Park Plan", PROSE, PROSE2]))
    assert parsed.meta.title == "Council Approves Park Plan"


def test_a_menu_the_footer_repeats_is_no_headline() -> None:
    menu = "Home About Privacy Terms"
    parsed = _read("\n\n".join(["Garden Notes", menu, "A Bridge Opens Over The River",
                                  "By Ann Lee", PROSE, PROSE2, menu]))
    assert parsed.meta.title == "A Bridge Opens Over The River"


def test_headline_far_above_the_prose() -> None:
    # a byline, a date, share buttons and an image's alt text between headline and text
    between = ["By Ann Lee", "3 March 2026", "Share", "Facebook", "Email", "Print",
               "Save article", "Listen", "Comments", "View of the river at dusk", "Advertisement",
               "Related"]
    text = ("The new bridge over the river opens to traffic on Monday, after three years of "
            "work and a long argument about what it would cost the town and who would pay.")
    parsed = _read("\n\n".join(["Menu", "A Bridge Opens Over The River", *between, text,
                                  PROSE, PROSE2]))
    assert parsed.meta.title == "A Bridge Opens Over The River"


def test_no_prose_no_headline() -> None:
    assert _read("Home\nAbout\nContact\n").meta.title is None


def test_caption_with_credit_is_tagged_figcaption() -> None:
    parsed = _read("\n\n".join(["A Bridge Opens", "Workers on the new bridge, Photo: Jane Roe",
                                PROSE, PROSE2, "© 2024 Example Media. All rights reserved."]))
    tags = {b.text: b.tag for b in parsed.blocks}
    assert tags["Workers on the new bridge, Photo: Jane Roe"] == "figcaption"
    assert tags["© 2024 Example Media. All rights reserved."] == "line"


def test_heading_followed_by_prose_is_h2() -> None:
    parsed = _read("\n\n".join(["Big News Today", PROSE, "What Happens Next", PROSE2, PROSE]))
    tags = {b.text: b.tag for b in parsed.blocks}
    assert tags["What Happens Next"] == "h2"


def test_very_long_line_is_cut_into_bounded_pieces() -> None:
    text = ("word " * (3 * MAX_LINE_CHARS // 5)).strip()
    lines = split_lines(text)
    assert len(lines) >= 3
    assert all(len(ln.text) <= MAX_LINE_CHARS for ln in lines)
    assert " ".join(ln.text for ln in lines) == text


def test_a_list_of_sentences_stays_in_the_running_text_zone() -> None:
    item = ("  • Residents who were not consulted can still send their written comments to "
            "the council this month.")
    text = "\n".join([PROSE, item, item.replace("Residents", "Owners"),
                      item.replace("Residents", "Tenants"), PROSE2])
    blocks = _read(text).blocks
    assert [b.bullet for b in blocks] == [None, "•", "•", "•", None]
    assert len({b.ancestors for b in blocks}) == 1


def test_a_menu_of_short_items_is_a_zone_of_its_own() -> None:
    menu = ["  • Home", "  • News", "  • Sport", "  • Contact"]
    blocks = _read("\n".join([PROSE, *menu, PROSE2])).blocks
    zones = [b.ancestors for b in blocks]
    assert zones[0] != zones[1] and len(set(zones[1:5])) == 1 and zones[5] != zones[1]
