"""Gunicorn's error log, with every network address taken out.

Gunicorn names the client ("Invalid request from ip=...") when it refuses
a malformed request, before Peluit's own middleware ever runs. This logger
class removes any IPv4 or IPv6 address from every message it writes.
"""

import logging
import re

from gunicorn import glogging

_HEX = r"[0-9A-Fa-f]{1,4}"
_ADDRESS = re.compile(
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b"  # IPv4
    rf"|(?<![\w:])(?:{_HEX}(?::{_HEX}){{7}}"  # IPv6, full
    rf"|(?:{_HEX}(?::{_HEX})*)?::(?:{_HEX}(?::{_HEX})*)?)(?![\w:])"  # IPv6, short
)


def redact(message: str) -> str:
    return _ADDRESS.sub("[address removed]", message)


class _RedactAddresses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


class AnonymousLogger(glogging.Logger):
    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(_RedactAddresses())
        self.access_log.addFilter(_RedactAddresses())
