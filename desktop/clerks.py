"""Who is working: the clerk (经办人) of this PC or login, the words of the audit trail, and the
draft conflict two clerks meet when both saved the same case's draft.

The clerk's name belongs to the person at the PC, not to the library: ``$REPLYDESK_CLERK``,
else the name set in the settings (``clerk.txt`` in the data folder), else the login name of
the operating system. On the office server the person is the server's login account instead
(the store asks the server; the server records it: desktop/store/pg/own_cases.py).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop.errors import ClerkError

if TYPE_CHECKING:
    from desktop.casework import Draft
    from desktop.library_rows import AuditEntry

CLERK_ENV: Final = "REPLYDESK_CLERK"
CLERK_FILE: Final = "clerk.txt"
UNKNOWN_CLERK: Final = "未署名"
MAX_NAME: Final = 40

# What the audit table records (``audit.action``), in the clerk's words.
AUDIT_ACTIONS: Final = {
    "letter.imported": "导入文件",
    "letter.edited": "修改文件",
    "letter.deleted": "删除文件",
    "letter.restored": "恢复文件",
    "case.created": "新建案件",
    "case.changed": "修改案件",
    "case.status": "改变办理状态",
    "case.assigned": "分派案件",
    "case.deleted": "删除案件",
    "draft.saved": "保存草稿",
    "profile.changed": "修改机关信息",
}


def clerk_file() -> Path:
    from desktop.paths import data_dir

    return data_dir() / CLERK_FILE


def login_name() -> str:
    """The operating system's login name (``getpass`` reads the environment, then the
    password database); :data:`UNKNOWN_CLERK` when there is none."""
    try:
        return getpass.getuser().strip() or UNKNOWN_CLERK
    except (OSError, KeyError, ImportError):
        return UNKNOWN_CLERK


def saved_clerk_name() -> str:
    """The name set in the settings for this PC or login, "" when none was set."""
    try:
        return clean_name(clerk_file().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return ""


def current_clerk() -> str:
    """Who is working: ``$REPLYDESK_CLERK``, the settings' 经办人, or the login name."""
    return clean_name(os.environ.get(CLERK_ENV, "")) or saved_clerk_name() or login_name()


def clean_name(raw: str) -> str:
    """A clerk's name on one line, without surrounding space, at most :data:`MAX_NAME`
    characters."""
    return " ".join(raw.split())[:MAX_NAME]


def save_clerk_name(name: str) -> None:
    """Set (or, with "", clear) the settings' 经办人 for this PC or login."""
    target = clerk_file()
    value = clean_name(name)
    if not value:
        target.unlink(missing_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_text(value + "\n", encoding="utf-8")
    os.replace(tmp, target)  # a reader sees the old name or the new one, never half


class DraftConflict(ClerkError):
    """A draft saved on top of a revision that is no longer the newest: another clerk (or
    another window or command) saved the case's draft in between. Nothing was saved; the
    other version and the clerk's own text travel with the error, so both can be shown."""

    def __init__(
        self,
        case_id: int,
        *,
        based_on: int,
        revision: int,
        clerk: str,
        saved_at: str,
        theirs: Draft | None,
        mine: Draft,
        kept: bool = False,
    ) -> None:
        from desktop.timestamps import local_text

        when = local_text(saved_at, " ")[:16] if saved_at else "刚才"
        who = clerk or UNKNOWN_CLERK
        fate = "您的文字已留作工作副本，没有丢失" if kept else "本次没有写入任何内容"
        super().__init__(
            f"草稿没有保存：{who}已于 {when} 保存了案件 {case_id} 的第 {revision} 版草稿，"
            f"而您是在第 {based_on} 版上修改的。{fate}；请比较两个版本后再保存。"
        )
        self.case_id = case_id
        self.based_on = based_on
        self.revision = revision
        self.clerk = who
        self.saved_at = saved_at
        self.theirs = theirs
        self.mine = mine
        self.kept = kept

    def kept_as_working_copy(self) -> DraftConflict:
        """The same conflict, saying that the clerk's text was kept as the working copy."""
        return DraftConflict(
            self.case_id, based_on=self.based_on, revision=self.revision, clerk=self.clerk,
            saved_at=self.saved_at, theirs=self.theirs, mine=self.mine, kept=True,
        )  # fmt: skip


class CaseNotYours(ClerkError):
    """A change to a case assigned to another clerk, refused: on the office server a clerk's
    account changes only its own cases and unassigned ones (their drafts too); the case's
    clerk (经办人) and administrators change any (desktop/store/pg/own_cases.py). ``kept``
    says what became of the clerk's text (a draft kept on this PC); nothing was written."""

    def __init__(self, case_id: int, assignee: str, *, kept: str = "") -> None:
        fate = kept or "没有做任何修改"
        super().__init__(
            f"这个案件已分派给{assignee}，只有经办人或管理员可以修改，{fate}。"
        )
        self.case_id = case_id
        self.assignee = assignee
        self.kept = kept

    def with_text_kept(self, where: str) -> CaseNotYours:
        """The same refusal, saying where the clerk's text was kept."""
        return CaseNotYours(self.case_id, self.assignee, kept=where)


def audit_line(entry: AuditEntry) -> str:
    """One audit row in the clerk's words: "2026-12-05 14:13 李华 修改文件 category"."""
    from desktop.timestamps import local_text

    when = local_text(entry.at, " ")[:16]
    what = AUDIT_ACTIONS.get(entry.action, entry.action)
    if entry.target == "draft":
        what += f" 第 {entry.target_id} 版"
    detail = f" {entry.detail}" if entry.detail else ""
    return f"{when} {entry.clerk} {what}{detail}"
