"""The replies of cases marked sent (已答复) as library letters (``store.case_letters``), and
the migration that links a letter to its case.

A case has one letter per round (issue 13: an answer found unsatisfactory is answered again,
and the first answer stays): ``letters.case_id`` names the case (provenance) and
``letters.case_round`` the round (NULL, as on letters filed before m014, is round 1). Marking
the case sent again in the same round updates that round's letter — same id, fields and
paragraphs replaced, the paragraphs nobody uses any more removed as after any edit — instead
of adding another; the next round's reply is a new letter. Paragraphs are
shared by hash as on import: a paragraph the reply reused from an older letter stays one
``paragraphs`` row standing in both letters. Deleting the case keeps the letter (the reply
went out); the clerk deletes the letter like any other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.letter_identity import content_hash
from desktop.model import ParsedLetter
from desktop.store.letter_edits import LetterEditing
from desktop.store.letters import dump_json

if TYPE_CHECKING:
    from sqlite_utils import Database


def m011_case_letters(db: Database) -> None:
    # Issue 12: a case's final reply joins the library when the case is marked sent. The
    # letter names its case; deleting the case keeps the letter (SET NULL), the letter is the
    # library's. Not unique: a letter whose deletion the inspector undoes after the case was
    # marked sent again comes back beside the new one, and the oldest is the case's.
    db.executescript(
        """
        ALTER TABLE letters ADD COLUMN case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL;
        CREATE INDEX letters_case ON letters(case_id) WHERE case_id IS NOT NULL;
        """
    )


@dataclass(frozen=True)
class FiledReply:
    """A case's reply as it now stands in the library."""

    letter_id: int
    created: bool  # False: the letter the case already had was updated
    paragraphs: int  # places in the letter
    shared: int  # distinct paragraphs other letters use too (stored once, linked twice)


class CaseLetterRepository(LetterEditing):
    """Letters made from cases' replies; the letters' own storage rules apply."""

    def of_case(self, case_id: int) -> int | None:
        """The library letter of the case's newest reply (its latest round marked sent)."""
        rounds = self.rounds_of(case_id)
        return rounds[max(rounds)] if rounds else None

    def of_round(self, case_id: int, round_: int) -> int | None:
        """The library letter of the case's reply in ``round_``, if that round was sent."""
        return self.rounds_of(case_id).get(round_)

    def rounds_of(self, case_id: int) -> dict[int, int]:
        """{round: letter id} of the case's filed replies (round 1 first)."""
        return {
            int(r[0]): int(r[1])
            for r in self._db.execute(
                "SELECT coalesce(case_round, 1) AS r, min(id) FROM letters WHERE case_id = ?"
                " GROUP BY r ORDER BY r",
                [case_id],
            )
        }

    def by_case(self) -> dict[int, int]:
        """{case id: the letter of its newest reply} for every case whose reply is in the
        library."""
        out: dict[int, int] = {}
        for case_id, _round, letter_id in self._db.execute(
            "SELECT case_id, coalesce(case_round, 1) AS r, min(id) FROM letters"
            " WHERE case_id IS NOT NULL GROUP BY case_id, r ORDER BY case_id, r"
        ):
            out[int(case_id)] = int(letter_id)  # the newest round comes last
        return out

    def file_reply(
        self, case_id: int, letter: ParsedLetter, *, parser_version: int | None, round_: int = 1
    ) -> FiledReply:
        """Store ``letter`` as the case's reply in ``round_``, or update the one that round
        has; one transaction (a savepoint inside the caller's, which changes the case's
        status with it)."""
        with self._db.atomic():
            letter_id = self.of_round(case_id, round_)
            created = letter_id is None
            digest = self._free_hash(content_hash(letter), case_id, letter_id, round_)
            if letter_id is None:
                letter_id = self.add(
                    letter, content_hash=digest, source_path=None, source_format="case",
                    parser_version=parser_version,
                )  # fmt: skip
                self._update_letter(letter_id, {"case_id": case_id, "case_round": round_})
            else:
                self._replace(letter_id, letter, digest, parser_version)
        return FiledReply(letter_id, created, *self._link_counts(letter_id))

    def _replace(
        self, letter_id: int, letter: ParsedLetter, digest: str, parser_version: int | None
    ) -> None:
        """The case's letter takes the new reply's fields and paragraphs (the case is where
        the clerk changes them: what was corrected in the inspector since is replaced)."""
        self._update_letter(
            letter_id,
            {
                "kind": letter.kind,
                "title": letter.title,
                "addressee": dump_json(letter.addressee),
                "addressee_role": letter.addressee_role,
                "addressee_count": letter.addressee_count,
                "proposal_number": letter.proposal_number,
                "proposal_title": letter.proposal_title,
                "session": letter.session,
                "agency": letter.agency,
                "main_organizer": letter.main_organizer,
                "co_organizers": dump_json(letter.co_organizers),
                "reply_date": letter.reply_date,
                "year": letter.year,
                "category": letter.category,
                "contact_name": letter.contact_name,
                "contact_phone": letter.contact_phone,
                "doc_number": letter.doc_number,
                "content_hash": digest,
                "field_sources": dump_json({k: v.to_json() for k, v in letter.sources.items()}),
                "corrections": "{}",
                "parser_version": parser_version,
            },
        )
        self._rewrite_paragraphs(letter_id, list(letter.blocks), letter.year)
        self._index_title(letter_id, letter.proposal_title or letter.title)

    def _free_hash(self, digest: str, case_id: int, own: int | None, round_: int) -> str:
        """The reply's content hash, unless another letter has it (the exported reply was
        imported, two cases got the same words, or a second round repeats the first): then
        one of the case's and round's own, so the library keeps both."""
        clash = self._db.execute(
            "SELECT id FROM letters WHERE content_hash = ? AND id IS DISTINCT FROM ?", [digest, own]
        ).fetchone()
        if clash is None:
            return digest
        key = f"case-{case_id}:{digest}" if round_ == 1 else f"case-{case_id}-{round_}:{digest}"
        return hashlib.sha1(key.encode()).hexdigest()

    def _link_counts(self, letter_id: int) -> tuple[int, int]:
        places, shared = self._db.execute(
            """SELECT count(*), count(DISTINCT CASE WHEN EXISTS (
                   SELECT 1 FROM letter_paragraphs o
                   WHERE o.paragraph_id = lp.paragraph_id AND o.letter_id <> lp.letter_id)
                 THEN lp.paragraph_id END)
               FROM letter_paragraphs lp WHERE lp.letter_id = ?""",
            [letter_id],
        ).fetchone()
        return int(places), int(shared)
