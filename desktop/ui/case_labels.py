"""How the window names a case's status, organizer role and feedback (the stored ids and
their Chinese are desktop.lifecycle's; these are the English source strings the .qm
translates)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_label(status: str) -> str:
    """A status as the window names it (``desktop.lifecycle.STATUSES`` keys)."""
    labels = {
        "pending": QCoreApplication.translate("CaseStatus", "To do"),
        "drafting": QCoreApplication.translate("CaseStatus", "Drafting"),
        "review": QCoreApplication.translate("CaseStatus", "In review"),
        "signoff": QCoreApplication.translate("CaseStatus", "Awaiting sign-off"),
        "sent": QCoreApplication.translate("CaseStatus", "Sent"),
        "closed": QCoreApplication.translate("CaseStatus", "Closed"),
        "redo": QCoreApplication.translate("CaseStatus", "Handling again"),
    }
    return labels.get(status, status)


def feedback_label(answer: str) -> str:
    """A feedback answer (``desktop.lifecycle.FEEDBACK`` keys) as the window names it."""
    labels = {
        "satisfied": QCoreApplication.translate("CaseFeedback", "Satisfied"),
        "basically": QCoreApplication.translate("CaseFeedback", "Basically satisfied"),
        "unsatisfied": QCoreApplication.translate("CaseFeedback", "Not satisfied"),
    }
    return labels.get(answer, answer)


def opinion_state_label(state: str) -> str:
    """A co-organizer opinion's state (``desktop.lifecycle.OPINION_STATES`` keys)."""
    labels = {
        "expected": QCoreApplication.translate("CaseOpinion", "Expected"),
        "received": QCoreApplication.translate("CaseOpinion", "Received"),
        "overdue": QCoreApplication.translate("CaseOpinion", "Overdue"),
    }
    return labels.get(state, state)
