"""Use cases: what a clerk does, once, for the command line and the window alike.

Each action takes plain values (paths, ids, strings, dataclasses) and an open library where it
needs one, and returns a plain result (a dataclass) or raises a :class:`desktop.errors.ClerkError`
with a Chinese message. Actions never import Qt; the window runs them through
``desktop/ui/operations.py`` (off the UI thread where they take time), the CLI calls them and
prints their result. One module per family of use cases.
"""
