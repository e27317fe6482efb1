"""The three seed documents editors brought (a meeting report, a news item, a concept note), kept as
they came, and helpers that read them as an editor would paste them."""

from html import escape
from pathlib import Path

DOCUMENTS = Path(__file__).parent
SEED_000 = DOCUMENTS / "seed_000_partnership_meeting.txt"
SEED_001 = DOCUMENTS / "seed_001_network_conference.txt"
SEED_002 = DOCUMENTS / "seed_002_concept_note.md"


def pasted_html(path: Path) -> str:
    """The document as a rich-text editor receives a plain-text paste: one paragraph per line."""
    return "".join(f"<p>{escape(line, quote=False)}</p>" for line in path.read_text().splitlines())
