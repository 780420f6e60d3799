"""Proofreading of a reply before it goes out: what clerks get wrong when they reuse old text.

:func:`check` looks at a list of paragraphs and returns :class:`Finding` objects, each pointing at
a span ``[start, end)`` of one paragraph. A finding whose fix is mechanical carries the
replacement text in ``suggestion``; :func:`apply_fixes` applies those. :func:`check_file` is the
command-line glue for a .txt or .docx file (optionally fixing it in place).

The rules (``kind``), and where they are knowingly imperfect:

- ``halfwidth_punct`` — half-width ``, : ; ! ? ( ) "`` and a sentence-ending ``.`` in Chinese
  text, decided by :func:`desktop.normalize.punctuation_fixes` (the very rules of
  ``normalize_text``: numbers, times, decimals, URLs and Latin phrases are left alone).
- ``doc_number_bracket`` — ``通政发[2015]37号`` → ``〔2015〕``
  (:func:`desktop.normalize.doc_year_fixes`). Only a year directly followed by the serial and
  号 is recognised.
- ``doubled`` — a doubled function character (``的的``, ``了了``, …, list
  :data:`DOUBLED_FUNCTION_CHARS`) or a doubled word of 2–4 characters (``我们我们``). A function
  character is not flagged when the neighbours make the doubling a word boundary (``为了了解``,
  ``目的的``, ``现在在``, ``是是否``, ``不了了之``) or part of an AABB form (``和和美美``).
  Other doubled characters (``常常``, ``天天``, ``11``) are never flagged, so a doubled content
  character (``创创新``) is missed. ``等等`` is a word, so ``等`` is not in the list. Verb
  reduplication (``研究研究``) and ``一个一个`` are allowed; other legitimate ABAB forms can be
  flagged.
- ``unbalanced`` — unmatched ``“” ‘’ （） 《》 〔〕 【】 「」 『』 〈〉`` within a paragraph.
  A quotation running over several paragraphs (opening quote on each, closing quote on the last) is
  reported. Half-width ``( )`` pair with full-width ones but are never reported themselves;
  ``1）`` / ``一）`` numbering is allowed.
- ``stale_year`` — a year (``2016年``, ``至2016年``, ``2016年底``, ``2015—2016年`` judged by its
  last year) earlier than the reply year − 1. Years inside ``《》``, document numbers and the
  parentheses right after a title (``（2015年修订）``) are skipped. Years written in Chinese
  numerals (``二〇一六年``) are not checked. Historical facts are flagged too: the clerk decides.
- ``stale_relative`` — ``今年/去年/前年/本年/上年/目前/当前/截至/截止/至今/已`` with a figure in the
  same sentence (``目前已建有33家``): up to 20 characters after the word (only within the clause
  for ``已``) or 6 before it. Only reused paragraphs when provenance is given; every paragraph
  otherwise. Figures written in Chinese numerals are recognised only with a measure word
  (``三十三家``).
- ``salutation_mismatch`` — a name in the salutation (``尊敬的X代表：``, ``X等N位代表：``,
  ``X、Y委员：``) that is not among ``proposers`` (a doubled role, ``王明代表代表：``, too).
  The count in ``等N位`` is not checked. Also anyone else addressed anywhere in the letter: a
  salutation or mention left in a paragraph reused from another letter (``盛培秀代表：``,
  ``感谢盛培秀代表提出的……``) — a name before 代表/委员 that starts with a common surname
  (or has ``·``), stands at a boundary, and is followed by ``：``/提出/领衔/的/对/您/a
  separator. Without ``proposers`` the names of the letter's own salutation are the known
  ones. Names after the role word (``代表盛培秀``) are not recognised.
- ``heading_sequence`` — ``一、`` headings, ``（一）`` within a ``一、`` block, ``1.`` and ``（1）``
  below those, and ``一是…二是…`` markers (within and across paragraphs): skipped and repeated
  numbers get the expected number as suggestion (later numbers are renumbered in turn); a level
  that restarts or goes back is reported without a suggestion. ``一是`` always opens a new list,
  nested in the current one ("六是……。一是……二是……。七是……" is fine); a number that fits no open
  list (``二是`` without ``一是``) is reported. A heading closes all 一是 lists. Headings are
  recognised only at the start of a paragraph.
- ``placeholder`` — ``{{ }}``, ``{% %}``, ``××``, stand-alone ``XX``/``xx``, ``＿＿``, ``___``,
  ``□□``, ``【请填写…】``, ``（此处…）``, ``某某``, ``TODO``/``FIXME``/``TBD``. ``XX世纪`` is
  reported too.
- ``date_format`` — dates that are not ``2020年5月29日``: ISO, dotted or slashed dates, leading
  zeros, ``号`` for ``日``, spaces, full-width digits and Chinese-numeral dates (GB/T 9704 wants
  Arabic numerals) — all found by :func:`desktop.dates.find_dates`; a leading zero in a date
  without a day (``2020年05月``) too. Dates inside URLs are skipped.

- ``empty_section`` — a bare ``一、``/``（一）`` heading followed directly by a heading of the
  same or a higher level, or ending the body: a section with nothing in it. Numbered list
  items (``1.``) are not sections. :func:`desktop.compose.check_composition` also flags a
  clerk's heading that is the last paragraph of its draft section.
- ``contact_missing`` — made only by :func:`desktop.compose.check_composition` when the profile
  expects a contact line and it lacks the name or the phone number.
- ``list_marker`` — a list marker (``--``, ``•``, ``·``, ``1)``, ``①``, a lone ``1.`` or
  ``（1）``) at the start of a paragraph with no sibling item (:mod:`.list_markers`); the fix
  strips it. Same paragraphs as ``stale_relative``: reused ones when provenance is given.
- ``reuse_place``, ``reuse_name``, ``reuse_proposal`` — made only by
  :func:`desktop.compose.check_composition` given a :class:`.reuse.ReuseContext` (the clerk's
  agency and places, the fields of the reused letters): a reused paragraph's other city,
  district or agency, its old deputy or member, its old proposal number or title, each naming
  the source letter, with the clerk's place / the case's name, number or title as fix where it
  is a simple swap. What counts as the clerk's own place: :mod:`.places`.

No Qt. python-docx is imported only inside the .docx helpers of :func:`check_file`.
"""

from __future__ import annotations

from desktop.proofread.checker import apply_fixes, check
from desktop.proofread.common import KINDS, Finding, Provenance
from desktop.proofread.files import CHECKABLE_SUFFIXES, check_file
from desktop.proofread.placeholders import placeholder_findings
from desktop.proofread.salutation import find_salutation, salutation_names
from desktop.proofread.typography import DOUBLED_FUNCTION_CHARS, REDUPLICABLE_WORDS

__all__ = [
    "CHECKABLE_SUFFIXES",
    "DOUBLED_FUNCTION_CHARS",
    "KINDS",
    "REDUPLICABLE_WORDS",
    "Finding",
    "Provenance",
    "apply_fixes",
    "check",
    "check_file",
    "find_salutation",
    "placeholder_findings",
    "salutation_names",
]
