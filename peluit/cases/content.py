"""What a report says, and how it goes in and out of the vault."""

from dataclasses import asdict, dataclass, field

from peluit.cases.models import Case
from peluit.vault import content as vault


@dataclass(frozen=True)
class Identity:
    name: str
    contact: str
    relation: str = ""


@dataclass(frozen=True)
class ReportContent:
    title: str
    what: str
    who: str
    where: str
    when: str
    how_known: str = ""
    estimated_loss: int | None = None
    identity: Identity | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> "ReportContent":
        identity = data.pop("identity", None)
        return cls(**data, identity=Identity(**identity) if identity else None)


def seal_report(key: bytes, report: ReportContent) -> bytes:
    return vault.seal(key, asdict(report))


def open_report(case: Case, key: bytes) -> ReportContent:
    return ReportContent.from_dict(vault.unseal(key, case.sealed_report))


def seal_text(key: bytes, text: str) -> bytes:
    return vault.seal(key, text)


def open_text(key: bytes, blob: bytes | None) -> str:
    return "" if blob is None else vault.unseal(key, blob)
