"""Colleague packs: share past replies between libraries without a network.

A clerk exports a *pack* (one zip file), copies it to a colleague (USB stick, shared folder),
and the colleague imports it: the letters the colleague's library lacks are added, the others
are reported as duplicates. No Qt here; the CLI (``cli_packs``) and the window
(``ui/pack_dialogs``) both call :func:`export_pack` and :func:`import_pack_steps`.

The pack (format ``replydesk-pack``, version 1)::

    manifest.json    {"format": "replydesk-pack", "format_version": 1,
                      "app_version": "0.1.0", "created_at": "2026-06-01T08:00:00+00:00",
                      "library_id": "<the sending library's uuid>",
                      "since": "2026-05-01" | null, "since_field": "imported_at",
                      "counts": {"letters": 12, "paragraphs": 180, "templates": 1},
                      "files": [{"path": "letters.jsonl", "sha256": "…", "size": 123456},
                                {"path": "templates/greeting.j2", "sha256": "…", "size": 310}]}
    letters.jsonl    one letter per line, UTF-8 JSON: every metadata column of ``letters``
                     (kind, title, addressee [list], addressee_role, addressee_count,
                     proposal_number, proposal_title, session, agency, main_organizer,
                     co_organizers [list], reply_date, year, category, contact_name,
                     contact_phone, doc_number, source_path, source_format, content_hash,
                     imported_at), "origin": {"library_id", "letter_id"} and "paragraphs":
                     [{"text" (normalized), "original", "section", "is_heading"}, …] in order;
                     since issue 10 also (optional: older packs lack them and still import,
                     older programs ignore them) "source_lines" [the reader's lines],
                     "field_sources" {field: {"line", "rule", "certain"}}, "corrections"
                     {"fields": {field: value}, "kind", "sections"} (what the sender's clerk
                     set: the receiver keeps it as corrected, a re-parse there leaves it) and
                     "parser_version" (int or null). A letter the receiver already holds (same
                     content hash or same lines) is a duplicate; it takes the sender's
                     corrections of whatever the receiver's clerk has not corrected there
    templates/*.j2   the clerk's edited reply templates (the top of ``user_dir()``), optional

Provenance: ``origin`` names the library where the letter was first imported from a file and
its id there (the same PC that ``source_path`` refers to). A letter of the library's own gets
this library's id; a letter that itself came in a pack keeps the origin it arrived with, so a
letter passed on from colleague to colleague still names its first library. The receiving
library stores ``origin`` in ``letters.origin`` (NULL for its own letters).

``--since``: letters *imported* into the library (``imported_at``) on or after the date
(local midnight), not letters *replied* on or after it. "What is new since I last sent you a
pack" is what the colleague lacks, and an old reply imported yesterday is new to them; the
reply date says nothing about that. Letters received in a pack count as imported when they
were received, so they are passed on too.

Import verifies the whole pack before touching the library (a real zip; a manifest of this
format and a version this program reads; every member listed with its SHA-256 and size and
nothing else in the zip; no unsafe paths; no zip bomb; at most 50 templates of 64 KB; every
letter line valid: no paragraph over the import's 5,000-character cap, no lone surrogate,
integers within their range) and then merges in one transaction: all letters or none. The
SHA-256 sums detect damage and editing by hand, not a forger who rewrites the manifest too: a
pack is trusted as much as the colleague who hands it over. Templates in a pack never replace
the clerk's own: they are saved in ``user_dir()/from-packs/<pack name>/``, where the clerk can
look at them and copy one up.
"""

from desktop.packs.export import export_pack, last_export, since_timestamp
from desktop.packs.manifest import (
    FROM_PACKS,
    LAST_EXPORT_KEY,
    LETTERS,
    MANIFEST,
    MAX_LINE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_TEMPLATE_BYTES,
    MAX_TOTAL_BYTES,
    PACK_FORMAT,
    PACK_FORMAT_VERSION,
    REQUIRED_LETTER_FIELDS,
    SINCE_FIELD,
    TEMPLATES_PREFIX,
    ExportReport,
    ImportReport,
    PackError,
    PackInfo,
    PackProgress,
)
from desktop.packs.merge import import_pack, import_pack_steps
from desktop.packs.templates import edited_templates, pack_folder_name
from desktop.packs.verify import verify_pack

__all__ = [
    "FROM_PACKS",
    "LAST_EXPORT_KEY",
    "LETTERS",
    "MANIFEST",
    "MAX_LINE_BYTES",
    "MAX_MANIFEST_BYTES",
    "MAX_MEMBERS",
    "MAX_TEMPLATE_BYTES",
    "MAX_TOTAL_BYTES",
    "PACK_FORMAT",
    "PACK_FORMAT_VERSION",
    "REQUIRED_LETTER_FIELDS",
    "SINCE_FIELD",
    "TEMPLATES_PREFIX",
    "ExportReport",
    "ImportReport",
    "PackError",
    "PackInfo",
    "PackProgress",
    "edited_templates",
    "export_pack",
    "import_pack",
    "import_pack_steps",
    "last_export",
    "pack_folder_name",
    "since_timestamp",
    "verify_pack",
]
