"""C4's line rules and the whole-text baseline."""

from __future__ import annotations

from pageparts.text.baselines import baseline_systems, c4_lines, whole_text

PAGE = """\
  • Home
  • News
The bridge opened on Monday after three years of work.
Too short to keep.
Please enable JavaScript to view the comments on this page.
By using this site you agree to our privacy policy and terms.
The mayor said the project had come in under budget[1].
A line with five words but no end
“We are very proud of the result,” she said.”
"""


def test_c4_keeps_long_lines_ending_in_punctuation() -> None:
    assert c4_lines(PAGE).split("\n") == [
        "The bridge opened on Monday after three years of work.",
        "The mayor said the project had come in under budget.",
        "“We are very proud of the result,” she said.”",
    ]


def test_c4_page_rules_drop_code_and_placeholder_pages() -> None:
    assert c4_lines(PAGE + "function f() { return 1; }\n", page_rules=True) == ""
    assert c4_lines("Lorem ipsum dolor sit amet, consectetur.\n" * 5, page_rules=True) == ""
    assert c4_lines(PAGE, page_rules=True) != ""
    assert c4_lines("One good sentence is here, only one.\n", page_rules=True) == ""


def test_whole_text_is_unchanged() -> None:
    assert whole_text(PAGE) == PAGE


def test_baselines_as_systems_read_the_rendering() -> None:
    systems = baseline_systems(render=str.upper)
    assert [s.name for s in systems] == ["whole-text", "c4-rules"]
    out = systems[1].run(systems[1].prepare("<p>The bridge opened on monday after years.</p>"),
                         None)
    assert out.text == ""  # upper-cased markup ends with ">", not punctuation
    assert systems[0].run("a b c", None).text == "a b c"
