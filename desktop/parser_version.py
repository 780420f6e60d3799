"""The parser's version: it grows whenever the rules of ``desktop.understand`` change what a
stored letter would be read as, and letters read by an older version are read again
(``desktop/reparse.py``). Kept apart from the parser so the window can count the letters that
wait, at every start, without importing the parser (its patterns take ~0.2 s to compile, and
hold the interpreter meanwhile)."""

from __future__ import annotations

# 1: the rule-by-rule parser of issues 1–9. 2: the role pipeline of issue 10. 3: a reply's
# title is its own title line(s), not every short line of a page's head run together; a
# 文号 label left empty gives no number; "建议字：〔2024〕15号" is a number; "承办人姓名：X"
# gives the contact X (was "姓名"); "发文字号：" is a label, not the font-size buttons; plan
# sentences ending a paragraph of status are a plan paragraph of their own.
PARSER_VERSION = 3
