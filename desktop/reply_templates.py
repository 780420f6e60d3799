"""Render the reply's section templates (templates/replies/*.j2) safely.

Templates run in Jinja2's ``SandboxedEnvironment`` with ``StrictUndefined``. A clerk's edited
copy in the user data folder overrides the shipped one; when the edited copy has a syntax
error or uses an unknown variable, the problem is reported with the template's name and line
and the shipped template is used instead: never a crash, never ``{{ name }}`` in a letter.

Variants: for a section ``status`` the first existing of ``status.co.j2`` (co-organizer
opinion), ``status.A.j2`` (answer category), ``status.j2`` is used.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from desktop.paths import data_dir, resources_dir

log = logging.getLogger(__name__)

TEMPLATE_NAMES = ("title", "salutation", "greeting", "status", "plan", "closing", "contact")


def shipped_dir() -> Path:
    return resources_dir().parent / "templates" / "replies"


def user_dir() -> Path:
    return data_dir() / "templates" / "replies"


@dataclass
class TemplateProblem:
    name: str  # file name, e.g. "greeting.j2"
    line: int | None
    message: str  # plain Chinese

    def __str__(self) -> str:
        where = f"第 {self.line} 行" if self.line else ""
        return f"模板 {self.name} {where}有错误：{self.message}；已改用系统自带的模板。"


def _environment(folder: Path) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(folder), encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def _error_line(exc: BaseException, name: str) -> int | None:
    line = getattr(exc, "lineno", None)
    if isinstance(line, int):
        return line
    # Runtime errors (an unknown variable) carry the template line in the traceback frames
    # that Jinja rewrites to point at the template file.
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(name):
            return frame.lineno
    return None


def problem_of(exc: BaseException, name: str) -> TemplateProblem:
    """The clerk-facing problem for an exception raised by template ``name``."""
    return TemplateProblem(name, _error_line(exc, name), _zh(exc))


def _zh(exc: BaseException) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        var = str(exc).split("'")[1] if "'" in str(exc) else str(exc)
        return f"使用了不存在的变量“{var}”"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"语法错误（{exc.message}）"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return "模板中有不允许的操作"
    if isinstance(exc, ZeroDivisionError):
        return "计算时除以了零"
    return str(exc)


class ReplyTemplates:
    def __init__(self, shipped: Path | None = None, override: Path | None = None):
        self.shipped = shipped or shipped_dir()
        self.override = override if override is not None else user_dir()
        self._shipped_env = _environment(self.shipped)
        self._override_env = _environment(self.override) if self.override.is_dir() else None

    def _candidates(self, section: str, variants: list[str]) -> list[str]:
        return [f"{section}.{v}.j2" for v in variants if v] + [f"{section}.j2"]

    def render(
        self, section: str, context: Mapping[str, Any], variants: list[str]
    ) -> tuple[str, list[TemplateProblem]]:
        """The rendered text of a section and any problem with the clerk's edited template.

        The most specific name that exists in either folder wins; for that name the clerk's
        edited copy comes before the shipped one.
        """
        problems: list[TemplateProblem] = []
        for name in self._candidates(section, variants):
            edited = self._override_env is not None and (self.override / name).is_file()
            shipped = (self.shipped / name).is_file()
            if not edited and not shipped:
                continue
            if edited and self._override_env is not None:
                try:
                    text = self._override_env.get_template(name).render(**context).strip()
                except Exception as exc:
                    # Anything a clerk's template does wrong ({{ 1/0 }}, a bad filter
                    # argument …) is the template's problem, reported, never a crash.
                    log.info("template %s failed: %s", name, exc)
                    problems.append(problem_of(exc, name))
                else:
                    if "{{" not in text and "{%" not in text:
                        return text, problems
                    problems.append(TemplateProblem(name, None, "输出中仍有未替换的占位符"))
                if not shipped:
                    continue  # fall back to a less specific shipped template
            # A broken shipped template is our bug: let it raise.
            return self._shipped_env.get_template(name).render(**context).strip(), problems
        return "", problems

    def check(self, path: Path, context: Mapping[str, Any]) -> TemplateProblem | None:
        """Render an edited template file on its own (the template editor's live check)."""
        env = _environment(path.parent)
        try:
            env.get_template(path.name).render(**context)
        except Exception as exc:
            return problem_of(exc, path.name)
        return None


def paragraphs_of(text: str) -> list[str]:
    """A rendered template's paragraphs: separated by blank lines (or single newlines)."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]
