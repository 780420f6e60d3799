"""Reading a 建议 / 提案 / 议案 document into the fields of a case, as a pipeline one can see into.

1. ``proposal_lines.collect``: the reader's lines become pieces; labels ("领衔代表：王明", a
   table's ``提案人 | 张三``) are marked with the field they fill;
2. ``proposal_roles.assign_roles``: every piece gets a role (head, title, part, body …) and
   the rule that gave it;
3. ``proposal_fields.read_proposal_fields``: the fields from the roles, each with its source.

``explain_proposal(lines)`` returns the pieces and the fields (``replydesk explain --proposal``);
``read_proposal(lines)`` the fields; ``read_proposal_file(path)`` reads a file with
``desktop.readers`` first and refuses, with one Chinese line, a file that is not a proposal.
``understand_case_text(lines)`` is what the case dialog fills from: the proposal when the text
is one, else what ``parse_letter`` reads from an earlier reply to it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.errors import ClerkError
from desktop.model import FieldSource, ParsedLetter
from desktop.readers import read_document
from desktop.understand import parse_letter
from desktop.understand.proposal_fields import ProposalFields, read_proposal_fields
from desktop.understand.proposal_lines import ProposalLine, collect
from desktop.understand.proposal_roles import assign_roles

log = logging.getLogger(__name__)

__all__ = [
    "NotAProposal",
    "ProposalFields",
    "explain_proposal",
    "fields_from_reply",
    "read_proposal",
    "read_proposal_file",
    "understand_case_text",
]

MSG_NOT_A_PROPOSAL = "不像一份建议、提案或议案：没有找到编号、标题或提出人"
MSG_A_REPLY = "是一份答复，不是建议、提案或议案的原文"


class NotAProposal(ClerkError):
    """The file read, but it is not a 建议/提案/议案 (or it is the reply to one)."""


def explain_proposal(raw_lines: list[str]) -> tuple[list[ProposalLine], ProposalFields]:
    """Every piece with its role and rule, and the fields read from them."""
    lines = collect([raw for raw in raw_lines if isinstance(raw, str)])
    assign_roles(lines)
    return lines, read_proposal_fields(lines)


def read_proposal(raw_lines: list[str]) -> ProposalFields:
    """The fields of a proposal's text; empty fields when it is not one. Never raises."""
    try:
        return explain_proposal(raw_lines)[1]
    except Exception:  # odd input must not stop the dialog or an import: nothing is found
        log.exception("the proposal reader failed")
        return ProposalFields()


def read_proposal_file(path: Path | str) -> ProposalFields:
    """Read a proposal's file (.docx/.doc/.wps/.pdf/.txt/.html/.mht/.rtf) into its fields.

    Raises ``ImportFailure`` (a ``ClerkError``) when the file cannot be read and
    ``NotAProposal`` when it is not a proposal; both have a one-line Chinese ``message``.
    """
    path = Path(path)
    fields = read_proposal(read_document(path).lines)
    if fields.reply:
        raise NotAProposal(f"{path.name} {MSG_A_REPLY}。")
    if not fields.found:
        raise NotAProposal(f"{path.name} {MSG_NOT_A_PROPOSAL}。")
    return fields


def fields_from_reply(letter: ParsedLetter) -> ProposalFields:
    """What a reply to the proposal says of it (number, title, session, proposers)."""
    out = ProposalFields()
    out.number = letter.proposal_number or ""
    out.title = letter.proposal_title or ""
    out.session = letter.session or ""
    if letter.addressee_role in ("代表", "委员") and letter.addressee:
        out.proposers = list(letter.addressee)
        out.role = letter.addressee_role
        count = letter.addressee_count or 0
        out.proposer_count = count if count > len(letter.addressee) else None
    for name in ("number", "title", "session", "proposers"):
        source = letter.sources.get(f"proposal_{name}" if name in ("number", "title") else name)
        if name == "proposers":
            source = letter.sources.get("addressee")
        if getattr(out, name) and source is not None:
            out.sources[name] = FieldSource(source.line, f"reply:{source.rule}", source.certain)
    return out


def understand_case_text(raw_lines: list[str]) -> ProposalFields:
    """What the case dialog fills from a pasted text or a chosen file: the proposal's fields,
    else (an earlier reply pasted) what the reply says of the proposal."""
    fields = read_proposal(raw_lines)
    if fields.found:
        return fields
    letter = parse_letter(raw_lines)
    if letter.kind == "reply":
        reply = fields_from_reply(letter)
        reply.reply = True
        return reply
    return fields
