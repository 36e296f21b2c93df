"""The annotated view's one stylesheet and its Content-Security-Policy.

The stylesheet is a constant of this module (nothing from a page ever reaches it), so the policy
allows exactly that stylesheet by its SHA-256 hash: a ``<style>`` or ``style=""`` smuggled in from
a page could not apply even if escaping failed. The policy allows no script and no loads at all.
"""

from __future__ import annotations

import base64
import hashlib
import re

from .._document import FURNITURE_KINDS, LABELS

__all__ = ["CSP", "LABEL_COLOURS", "MAX_DEPTH_CLASS", "STYLE", "css_token"]

#: Border (strong) colour of each label; backgrounds are light tints of the same hue.
LABEL_COLOURS: dict[str, tuple[int, int, int]] = {  # hue, saturation %, lightness %
    "title": (221, 83, 42),
    "byline": (24, 90, 42),
    "heading": (175, 80, 28),
    "body": (142, 70, 32),
    "caption": (272, 65, 45),
    "comment": (330, 75, 42),
    "furniture": (220, 9, 46),
}

#: Blocks deeper than this are indented like this depth.
MAX_DEPTH_CLASS = 8

_TOKEN = re.compile(r"[^a-z0-9-]+")


def css_token(value: str) -> str:
    """A class-name-safe token for a known label or kind (anything else becomes ``other``)."""
    if value in LABELS or value in FURNITURE_KINDS:
        return _TOKEN.sub("-", value)
    return "other"


def _label_rules() -> str:
    rules = []
    for label, (h, s, lum) in LABEL_COLOURS.items():
        tok = css_token(label)
        rules.append(
            f".l-{tok}{{border-left-color:hsl({h} {s}% {lum}%);"
            f"background:hsl({h} {s}% 96%)}}\n"
            f".c-{tok}{{background:hsl({h} {s}% {lum}%);color:#fff}}"
        )
    return "\n".join(rules)


def _kind_rules() -> str:
    # Furniture stays grey (it is what was thrown away); its kind shows in the border and in an
    # outlined chip (labels of kept content have filled chips).
    rules = []
    n = len(FURNITURE_KINDS)
    for i, kind in enumerate(FURNITURE_KINDS):
        tok = css_token(kind)
        hue = round(i * 360 / n + 10) % 360
        rules.append(
            f".k-{tok}{{border-left-color:hsl({hue} 55% 50%)}}\n"
            f".ck-{tok}{{background:#fff;color:hsl({hue} 60% 32%);"
            f"box-shadow:inset 0 0 0 1px hsl({hue} 55% 50%)}}"
        )
    return "\n".join(rules)


def _depth_rules() -> str:
    return "\n".join(
        f".d{d}{{margin-left:{d * 1.4:.1f}em}}" for d in range(1, MAX_DEPTH_CLASS + 1)
    )


_BASE = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:#1f2328;background:#f6f7f9}
header{padding:12px 20px;background:#24292f;color:#fff}
header h1{margin:0;font-size:17px;font-weight:600;overflow-wrap:anywhere}
header .sub{margin-top:2px;color:#c9d1d9;font-size:12px}
.legend{display:flex;flex-wrap:wrap;gap:6px;padding:10px 20px;background:#fff;
  border-bottom:1px solid #d0d7de}
.legend .chip{font-size:12px}
.legend .n{opacity:.85;margin-left:4px}
.legend .zero{opacity:.4}
main{display:grid;grid-template-columns:minmax(0,1.3fr) minmax(0,1fr);gap:16px;padding:16px 20px}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:10px 14px;
  margin-bottom:16px}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#57606a;margin:2px 0 10px}
.blk{border-left:5px solid #999;border-radius:3px;padding:4px 8px 5px;margin:0 0 5px;
  display:flex;gap:8px;align-items:flex-start}
.blk .ix{flex:none;width:3.2em;color:#8c959f;font:11px/1.9 ui-monospace,monospace;
  text-align:right}
.blk .tx{flex:1;min-width:0;white-space:pre-wrap;overflow-wrap:anywhere}
.blk .meta{flex:none;display:flex;align-items:center;gap:6px;line-height:1.9}
.l-furniture{padding-top:1px;padding-bottom:1px;font-size:13px}
.l-furniture .tx{color:#59636e}
.l-title .tx{font-size:18px;font-weight:650}
.l-heading .tx{font-weight:650}
.l-caption .tx,.l-byline .tx{font-style:italic}
.credit{display:block;font-size:12px;color:#6e7781;font-style:normal}
.cut{color:#8c959f;font-size:12px}
.chip{display:inline-block;border-radius:9px;padding:0 7px;font-size:11px;line-height:18px;
  white-space:nowrap;background:#6e7781;color:#fff}
.score{font:11px ui-monospace,monospace;color:#6e7781}
dl.md{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:3px 12px;margin:0}
dl.md dt{color:#57606a}
dl.md dd{margin:0;overflow-wrap:anywhere}
.none{color:#8c959f;font-style:italic}
.st-ok{color:#1a7f37;font-weight:600}
.st-bad{color:#cf222e;font-weight:600}
table.counts{border-collapse:collapse;width:100%;font-size:13px}
table.counts td,table.counts th{padding:2px 6px;border-bottom:1px solid #eaeef2;text-align:left}
table.counts td.num,table.counts th.num{text-align:right;font-variant-numeric:tabular-nums}
ul.tree,ul.tree ul{list-style:none;margin:0;padding:0}
ul.tree ul{margin-left:10px;padding-left:14px;border-left:2px solid #eaccd9}
ul.tree li{margin:6px 0}
.cm{border:1px solid #eaeef2;border-radius:5px;padding:4px 8px;background:#fdf7fa;
  overflow-wrap:anywhere}
.cm .who{font-weight:600;color:#a0134f}
.cm .when{color:#6e7781;font-size:12px;margin-left:6px}
.cm .ct{white-space:pre-wrap;overflow-wrap:anywhere;margin-top:2px}
details{margin:4px 0 8px}
summary{cursor:pointer;color:#57606a;font-weight:600}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f8fa;border:1px solid #eaeef2;
  border-radius:4px;padding:8px;margin:6px 0 0;font:12px/1.45 ui-monospace,monospace;
  max-height:640px;overflow:auto}
.note{font-size:12px;color:#6e7781}
/* a bidi override in page text stays inside its own element */
.tx,.chip,.who,.when,.credit,dd,pre{unicode-bidi:isolate}
"""

#: The whole stylesheet, exactly as written between ``<style>`` and ``</style>``.
STYLE = "\n".join((_BASE, _label_rules(), _kind_rules(), _depth_rules())) + "\n"

_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")

#: No script, no loads of any kind (images, fonts, frames, forms), only the view's own stylesheet.
CSP = (
    "default-src 'none'; "
    f"style-src 'sha256-{_STYLE_HASH}'; "
    "img-src 'none'; font-src 'none'; script-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)
