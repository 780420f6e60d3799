"""Render the reply's section templates (templates/replies/*.j2) safely.

Templates run in Jinja2's ``ImmutableSandboxedEnvironment`` (a template cannot change the
case's lists) with a strict undefined that also refuses to be printed inside a list
(``map(attribute='__class__')``), and within bounds: a render stops after
``RENDER_SECONDS`` or ``MAX_OUTPUT`` characters; an operator, ``~``, a filter or a string method
that would build a value over ``MAX_VALUE`` characters (``'x'*200000000``), a ``range`` over
``MAX_RANGE`` items and printing a function (``{{ range }}``) are refused before any work is
done; ``lipsum`` is not offered. A clerk's edited copy in the user data folder overrides the
shipped one; when the edited copy has a syntax error, uses an unknown variable or breaks a
bound, the problem is reported with the template's name and line and the shipped template is
used instead: never a crash, never ``{{ name }}`` in a letter.

Variants: for a section ``status`` the first existing of ``status.co.j2`` (co-organizer
opinion), ``status.A.j2`` (answer category), ``status.j2`` is used.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat, EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace

from desktop.errors import ClerkError
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


RENDER_SECONDS = 2.0  # one section's render
MAX_OUTPUT = 200_000  # characters one section may produce
MAX_VALUE = 1_000_000  # characters (or items) of any value an operator or filter builds
MAX_RANGE = 10_000  # items of range()
_MAX_INT_BITS = 4_096
_BIG_WIDTH_RE = re.compile(r"\d{7,}")  # "%0100000000d", "{:>100000000}"


class TemplateLimit(ClerkError):
    """A template went past a bound; the message is plain Chinese."""


class _Undefined(jinja2.StrictUndefined):
    """Strict everywhere: printing a list that holds one (``map(attribute=…)|list``) fails too."""

    def __repr__(self) -> str:
        self._fail_with_undefined_error()
        return ""  # not reached


def _size(value: Any, limit: int = MAX_VALUE, depth: int = 0) -> int:
    """About how many characters ``value`` prints as; stops counting past ``limit``."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() // 3 + 1
    if isinstance(value, list | tuple | set | frozenset | dict) and depth < 8:
        items = value.items() if isinstance(value, dict) else value
        total = 2
        for item in items:
            total += _size(item, limit, depth + 1) + 2
            if total > limit:
                break
        return total
    return 16


def _check_size(value: Any, what: str = "模板") -> Any:
    if _size(value) > MAX_VALUE:
        raise TemplateLimit(f"{what}生成的内容过长（超过 {MAX_VALUE} 字）")
    return value


def _printable(value: Any) -> Any:
    """``finalize``: what ``{{ … }}`` may print. Never a function's or a type's repr."""
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()
    if callable(value) or isinstance(value, type):
        raise TemplateLimit("模板输出了一个函数或类型（如 {{ range }}），而不是文字")
    if isinstance(value, list | tuple | set | frozenset | dict):
        items = value.values() if isinstance(value, dict) else value
        for item in items:
            _printable(item)
    return _check_size(value)


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses a width or count past the bounds and a result that is too long."""

    def bounded(*args: Any, **kwargs: Any) -> Any:
        values = [a for a in args if not isinstance(a, Context | EvalContext | jinja2.Environment)]
        for arg in (*values[1:], *kwargs.values()):
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_VALUE:
                raise TemplateLimit(f"过滤器 {name} 的参数 {arg} 过大")
        if name == "replace" and len(values) >= 3 and isinstance(values[0], str):
            text, old, new = (str(v) for v in values[:3])
            grow = text.count(old) * (len(new) - len(old)) if old else len(text) * len(new)
            if len(text) + grow > MAX_VALUE:
                raise TemplateLimit("replace 过滤器生成的内容过长")
        if name == "join" and values and isinstance(values[0], list | tuple):
            _check_size(values[0], "join 过滤器")
        if name == "format" and any(isinstance(v, str) and _BIG_WIDTH_RE.search(v) for v in values):
            raise TemplateLimit("format 过滤器的宽度过大")
        return _check_size(func(*args, **kwargs), f"过滤器 {name} ")

    bounded.__name__ = getattr(func, "__name__", name)
    # Jinja passes the context / environment to filters marked as wanting them.
    for marker in ("jinja_pass_arg",):
        if hasattr(func, marker):
            setattr(bounded, marker, getattr(func, marker))
    return bounded


class _BoundedCodeGenerator(CodeGenerator):
    """``a ~ b`` goes through :meth:`_Environment.concat_bounded` (doubling a string with ``~``
    in a loop would otherwise fill the memory between two checks)."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.concat_bounded((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _Environment(ImmutableSandboxedEnvironment):
    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})
    deadline: float = 0.0

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=_printable, undefined=_Undefined, **options)
        self.globals = {
            "range": self._range,
            "dict": dict,
            "cycler": Cycler,
            "joiner": Joiner,
            "namespace": Namespace,
        }
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def check_time(self) -> None:
        if self.deadline and time.monotonic() > self.deadline:
            raise TemplateLimit(f"模板运行超过 {RENDER_SECONDS:g} 秒，已停止")

    @staticmethod
    def _range(*args: int) -> range:
        result = range(*args)
        if len(result) > MAX_RANGE:
            raise TemplateLimit(f"range 最多 {MAX_RANGE} 项")
        return result

    def concat_bounded(self, parts: tuple[Any, ...]) -> str:
        self.check_time()
        if sum(_size(p) for p in parts) > MAX_VALUE:
            raise TemplateLimit(f"用 ~ 连接的内容过长（超过 {MAX_VALUE} 字）")
        return "".join(str(p) for p in parts)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.check_time()
        ints = [v for v in (left, right) if isinstance(v, int) and not isinstance(v, bool)]
        if operator == "**":
            big = len(ints) == 2 and left.bit_length() * min(abs(right), 10**6) > _MAX_INT_BITS
            if big or (len(ints) == 2 and abs(right) > 64):
                raise TemplateLimit("乘方的结果过大")
        elif operator == "*":
            seq = next((v for v in (left, right) if isinstance(v, str | list | tuple)), None)
            if seq is not None and ints and len(seq) * max(ints[0], 0) > MAX_VALUE:
                raise TemplateLimit(f"用 * 重复生成的内容过长（超过 {MAX_VALUE} 字）")
            if len(ints) == 2 and left.bit_length() + right.bit_length() > _MAX_INT_BITS:
                raise TemplateLimit("乘法的结果过大")
        elif operator == "+" and all(isinstance(v, str | list | tuple) for v in (left, right)):
            if len(left) + len(right) > MAX_VALUE:
                raise TemplateLimit(f"用 + 连接的内容过长（超过 {MAX_VALUE} 字）")
        elif operator == "%" and isinstance(left, str) and _BIG_WIDTH_RE.search(left):
            raise TemplateLimit("格式化的宽度过大")
        return _check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.check_time()
        # str.format comes wrapped by the sandbox: look at the method it wraps.
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(owner, str | list | tuple):
            for arg in (*args, *kwargs.values()):
                if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_VALUE:
                    raise TemplateLimit(f"参数 {arg} 过大")
                if isinstance(arg, str) and _BIG_WIDTH_RE.search(arg):
                    raise TemplateLimit("格式化的宽度过大")
            if isinstance(owner, str) and _BIG_WIDTH_RE.search(owner):
                raise TemplateLimit("格式化的宽度过大")
        return _check_size(super().call(__context, __obj, *args, **kwargs))


def _environment(loader: jinja2.BaseLoader) -> _Environment:
    return _Environment(
        loader=loader,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def _folder(folder: Path) -> jinja2.FileSystemLoader:
    return jinja2.FileSystemLoader(str(folder), encoding="utf-8")


class _EditedFirst(jinja2.ChoiceLoader):
    """Jinja's ChoiceLoader over the clerk's folder, then the shipped one. A template read from
    a later folder is out of date (read again) as soon as an earlier folder has it: the clerk
    saved an edited copy while the window was open."""

    def __init__(self, folders: list[Path]) -> None:
        super().__init__([_folder(folder) for folder in folders])
        self.folders = folders

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        for i, loader in enumerate(self.loaders):
            try:
                source, filename, uptodate = loader.get_source(environment, template)
            except jinja2.TemplateNotFound:
                continue
            earlier = [folder / template for folder in self.folders[:i]]

            def still_chosen(
                uptodate: Callable[[], bool] | None = uptodate, earlier: list[Path] = earlier
            ) -> bool:
                return (uptodate is None or uptodate()) and not any(p.is_file() for p in earlier)

            return source, filename, still_chosen
        raise jinja2.TemplateNotFound(template)

    # ChoiceLoader.load asks each folder's loader to load (and so skips get_source above);
    # the base loader's load compiles what get_source returns.
    load = jinja2.BaseLoader.load


def _render(env: _Environment, template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """Render ``template`` within the bounds (time, output size), raising
    :class:`TemplateLimit`."""
    env.deadline = time.monotonic() + RENDER_SECONDS

    # Loops over a prepared list make no call the environment could check the time in: a
    # line tracer on the render's frames does (the rest of the program is not traced).
    def line(frame: FrameType, event: str, arg: Any) -> Any:
        env.check_time()
        return line

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        env.check_time()
        return line

    parts: list[str] = []
    size = 0
    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        for chunk in template.generate(**context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateLimit(f"模板输出超过 {MAX_OUTPUT} 字，已停止")
            parts.append(chunk)
    finally:
        sys.settrace(previous)
        env.deadline = 0.0
    return "".join(parts)


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
    if isinstance(exc, jinja2.UndefinedError) and "inline if-expression" in str(exc):
        return "行内的 if 表达式没有 else 部分（条件不成立时无内容可写）"
    if isinstance(exc, jinja2.UndefinedError) and "has no attribute" in str(exc):
        attr = str(exc).rsplit("attribute", 1)[-1].strip().strip("'\"")
        return f"使用了不存在的属性“{attr}”"
    if isinstance(exc, jinja2.UndefinedError):
        var = str(exc).split("'")[1] if "'" in str(exc) else str(exc)
        return f"使用了不存在的变量“{var}”"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"语法错误（{exc.message}）"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return "模板中有不允许的操作"
    if isinstance(exc, ZeroDivisionError):
        return "计算时除以了零"
    if isinstance(exc, MemoryError):
        return "模板用尽了内存"
    if isinstance(exc, RecursionError):
        return "模板嵌套过深"
    if isinstance(exc, OverflowError):
        return "数值过大"
    return str(exc)


class ReplyTemplates:
    """The reply templates: the clerk's edited copies (``override``) before the shipped ones,
    through one Jinja ``ChoiceLoader``; the shipped ones alone when an edited copy fails."""

    def __init__(self, shipped: Path | None = None, override: Path | None = None):
        self.shipped = shipped or shipped_dir()
        self.override = override if override is not None else user_dir()
        self._env = _environment(_EditedFirst([self.override, self.shipped]))
        self._shipped_env = _environment(_folder(self.shipped))

    def _candidates(self, section: str, variants: list[str]) -> list[str]:
        return [f"{section}.{v}.j2" for v in variants if v] + [f"{section}.j2"]

    def _edited(self, template: jinja2.Template) -> bool:
        filename = template.filename
        return filename is not None and Path(filename).parent == self.override

    def render(
        self, section: str, context: Mapping[str, Any], variants: list[str]
    ) -> tuple[str, list[TemplateProblem]]:
        """The rendered text of a section and any problem with the clerk's edited template.

        The most specific name that exists in either folder wins; for that name the clerk's
        edited copy comes before the shipped one.
        """
        problems: list[TemplateProblem] = []
        for name in self._candidates(section, variants):
            try:
                template = self._env.get_template(name)
            except jinja2.TemplateNotFound:
                continue
            except jinja2.TemplateSyntaxError as exc:
                template = None  # only a clerk's edited copy can be broken (ours are tested)
                problems.append(problem_of(exc, name))
            if template is not None and not self._edited(template):
                # A broken shipped template is our bug: let it raise.
                return _render(self._shipped_env, template, context).strip(), problems
            if template is not None:
                text, problem = self._try_edited(template, name, context)
                if problem is None:
                    return text, problems
                problems.append(problem)
            shipped = self._shipped(name)
            if shipped is not None:
                return _render(self._shipped_env, shipped, context).strip(), problems
            # else fall back to a less specific shipped template
        return "", problems

    def _try_edited(
        self, template: jinja2.Template, name: str, context: Mapping[str, Any]
    ) -> tuple[str, TemplateProblem | None]:
        try:
            text = _render(self._env, template, context).strip()
        except Exception as exc:
            # Anything a clerk's template does wrong ({{ 1/0 }}, a bad filter argument …) is
            # the template's problem, reported, never a crash.
            log.info("template %s failed: %s", name, exc)
            return "", problem_of(exc, name)
        if "{{" in text or "{%" in text:
            return "", TemplateProblem(name, None, "输出中仍有未替换的占位符")
        return text, None

    def _shipped(self, name: str) -> jinja2.Template | None:
        try:
            return self._shipped_env.get_template(name)
        except jinja2.TemplateNotFound:
            return None

    def check(self, path: Path, context: Mapping[str, Any]) -> TemplateProblem | None:
        """Render an edited template file on its own (the template editor's live check)."""
        return self.render_source(path.read_text(encoding="utf-8"), path.name, context)[1]

    def render_source(
        self, source: str, name: str, context: Mapping[str, Any]
    ) -> tuple[str, TemplateProblem | None]:
        """Render template text as the template ``name``, from a string: no file is written
        (the template editor's live preview). ``(text, None)`` or ``("", problem)``; templates
        it includes come from the clerk's folder first, then the shipped one."""
        env = self._env
        try:
            code = env.compile(source, name=name, filename=name)
            template = env.template_class.from_code(env, code, env.make_globals(None), None)
            return _render(env, template, context).strip(), None
        except Exception as exc:
            return "", problem_of(exc, name)


def paragraphs_of(text: str) -> list[str]:
    """A rendered template's paragraphs: separated by blank lines (or single newlines)."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]
