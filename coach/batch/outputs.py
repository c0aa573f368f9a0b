"""What the caller writes for each scored talk: its PDF report, its saved session.

Only the process that runs the batch writes (workers send results back), so the session store
has one writer and a PDF is never half-written by a worker that was stopped. An
:class:`Outputs` is passed to :func:`coach.batch.run.run_batch` as ``on_scored=outputs.write``
and ``reuse=outputs.has``: a talk found in the results cache is reused only if what it wrote
last time is still there (its PDF exists, its session is in this store and not in the trash).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from coach.coaching.review import Review
from coach.errors import StoreError
from coach.transcript.load import read_text_file

if TYPE_CHECKING:
    from coach.batch.run import BatchItem
    from coach.store.sessions import SessionStore


def pdf_name(name: str) -> str:
    """A flat PDF file name for a talk's relative path: ``week1/alice.wav`` → ``week1__alice.pdf``."""
    stem = Path(name).with_suffix("").as_posix().replace("/", "__")
    return (
        "".join(ch if ch.isprintable() and ch not in '<>:"\\|?*' else "_" for ch in stem) + ".pdf"
    )


class Outputs:
    """PDF reports into ``pdf_dir`` and/or sessions into ``store``, for each scored talk."""

    def __init__(
        self,
        *,
        pdf_dir: Path | None = None,
        store: SessionStore | None = None,
        page_size: str = "A4",
    ) -> None:
        self.pdf_dir = pdf_dir
        self.store = store
        self.page_size = page_size

    def write(self, item: BatchItem, rv: Review) -> dict[str, Any]:
        """Write this talk's outputs; returns what was written (kept in the results cache)."""
        talk = item.talk
        out: dict[str, Any] = {}
        title = talk.path.stem
        if self.pdf_dir is not None:
            from coach.report.pdf import export_pdf

            about = SimpleNamespace(title=title, talk=item.row.talk, created=None)
            path = export_pdf(rv, self.pdf_dir / pdf_name(talk.name), title=title,
                              session=about, page_size=self.page_size)  # fmt: skip
            out["pdf"] = str(path)
        if self.store is not None:
            script = read_text_file(talk.path) if talk.is_script else None
            audio = None if talk.is_script else talk.path
            session = self.store.save(rv, title=title, talk=item.row.talk, audio=audio,
                                      script=script)  # fmt: skip
            out["session"] = session.id
            out["store"] = str(self.store.path)
        return out

    def has(self, outputs: dict[str, Any]) -> bool:
        """True when a reused talk's earlier outputs cover what this run asks for."""
        if self.pdf_dir is not None:
            pdf = outputs.get("pdf")
            expected = self.pdf_dir.absolute()
            if not pdf or not Path(pdf).is_file() or Path(pdf).parent != expected:
                return False
        if self.store is not None:
            sid = outputs.get("session")
            if sid is None or outputs.get("store") != str(self.store.path):
                return False
            try:
                if self.store.get(int(sid)).deleted is not None:
                    return False
            except StoreError:
                return False
        return True
