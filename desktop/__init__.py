"""ReplyDesk (答复助手): an offline assistant for answering deputies' suggestions and proposals."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("replydesk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"

APP_NAME = "ReplyDesk"
