"""The lexicon cache: word stems and English word frequencies remembered across runs.

Stemming (nltk's Snowball stemmer) and English word frequencies (wordfreq) are pure functions of
a word, but importing nltk and loading wordfreq's English list take about a second. A
:class:`Lexicon` keeps their results in one JSON file, so a run whose words were all seen before
imports neither. :func:`bot.core.text.stem` and :func:`bot.core.text.english_zipf` consult the
lexicon set with :func:`use` (none by default: the core is pure) before the library, and
remember what the library answered.

The file is untrusted input: it is JSON, checked entry by entry, and a file that is missing,
unreadable, malformed, too big or written for other library versions is ignored (logged once):
the lexicon starts empty and the libraries answer. Saving writes a temporary file in the same
folder and renames it over the old one; a folder that cannot be written is logged, never raised.
"""

from __future__ import annotations

import json
import logging
import math
import os
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: The file's name in the cache folder.
FILE_NAME = "lexicon.json"
#: Bumped when the file's layout or the meaning of an entry changes.
FORMAT_VERSION = 1
#: Most entries per table: beyond that, new words are not remembered (they are still answered).
MAX_ENTRIES = 250_000
#: Longest word remembered (a longer one is answered but not kept).
MAX_WORD_LENGTH = 64
#: A bigger file is not read (a full file is about 15 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The libraries whose answers are cached: a file written with other versions is ignored.
LIBRARIES = ("nltk", "wordfreq")


def versions_key() -> str:
    """The format version and the installed versions of :data:`LIBRARIES` (read from their
    metadata, without importing them), e.g. ``"1 nltk=3.9.1 wordfreq=3.1.1"``."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [str(FORMAT_VERSION)]
    for name in LIBRARIES:
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=none")
    return " ".join(parts)


class Lexicon:
    """Stems and Zipf frequencies by word, loaded from and saved to one file (or to none).

    Thread-safe: words may be remembered from several threads while another saves.
    """

    def __init__(self, path: Path | None = None, key: str = "") -> None:
        self.path = path
        self.key = key
        self._stems: dict[str, str] = {}
        self._zipf: dict[str, float] = {}
        self._changed = False
        self._lock = threading.Lock()
        self._save_failed = False

    @classmethod
    def load(cls, path: Path, key: str | None = None) -> Lexicon:
        """The lexicon kept in ``path`` (empty if the file is missing or cannot be used).

        ``key`` defaults to :func:`versions_key`; a file written under another key is ignored.
        """
        lexicon = cls(path, versions_key() if key is None else key)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError(f"larger than {MAX_FILE_BYTES // 2**20} MB")
            data = json.loads(path.read_text(encoding="utf-8"))
            tables = _checked(data, lexicon.key)
        except FileNotFoundError:
            log.debug("No lexicon cache at %s yet", path)
            return lexicon
        except (OSError, ValueError, RecursionError) as error:
            log.warning("Ignoring the lexicon cache %s (%s); it will be rewritten", path, error)
            return lexicon
        if tables is None:
            log.info("The lexicon cache %s is for other library versions; starting a new one", path)
            return lexicon
        lexicon._stems, lexicon._zipf = tables
        return lexicon

    def __len__(self) -> int:
        return len(self._stems) + len(self._zipf)

    @property
    def changed(self) -> bool:
        """Whether a word was remembered since the last load or save."""
        return self._changed

    def stem(self, word: str) -> str | None:
        """The remembered stem of ``word``, or None."""
        return self._stems.get(word)

    def zipf(self, word: str) -> float | None:
        """The remembered Zipf frequency of ``word``, or None."""
        return self._zipf.get(word)

    def remember_stem(self, word: str, stem: str) -> None:
        """Keep ``stem`` as the stem of ``word`` (unless the table is full or the word long)."""
        self._remember(self._stems, word, stem)

    def remember_zipf(self, word: str, zipf: float) -> None:
        """Keep ``zipf`` as the Zipf frequency of ``word`` (unless the table is full)."""
        self._remember(self._zipf, word, zipf)

    def _remember(self, table: dict[str, Any], word: str, value: object) -> None:
        if len(word) > MAX_WORD_LENGTH or len(table) >= MAX_ENTRIES or word in table:
            return
        with self._lock:
            table[word] = value
            self._changed = True

    def save(self) -> bool:
        """Write the file if a word was remembered since it was read; True if written.

        Never raises: a folder that cannot be written is logged (a warning the first time).
        """
        if self.path is None or not self._changed:
            return False
        with self._lock:
            data = {"key": self.key, "stems": dict(self._stems), "zipf": dict(self._zipf)}
            self._changed = False
        try:
            _write_atomically(self.path, json.dumps(data, separators=(",", ":")))
        except OSError as error:
            self._changed = True
            level = logging.DEBUG if self._save_failed else logging.WARNING
            log.log(level, "Cannot save the lexicon cache to %s (%s)", self.path, error)
            self._save_failed = True
            return False
        return True


def _checked(data: object, key: str) -> tuple[dict[str, str], dict[str, float]] | None:
    """The two tables of a parsed file (None if written under another key); a malformed file
    raises ``ValueError``."""
    if not isinstance(data, dict) or not isinstance(data.get("key"), str):
        raise ValueError("not a lexicon file")
    if data["key"] != key:
        return None
    stems, zipf = data.get("stems"), data.get("zipf")
    if not isinstance(stems, dict) or not isinstance(zipf, dict):
        raise ValueError("a table is missing")
    if len(stems) > MAX_ENTRIES or len(zipf) > MAX_ENTRIES:
        raise ValueError(f"more than {MAX_ENTRIES:,} entries in a table")
    if not all(type(w) is str and type(s) is str for w, s in stems.items()):
        raise ValueError("a stem is not a string")
    if not all(type(w) is str and type(z) is float and math.isfinite(z) for w, z in zipf.items()):
        raise ValueError("a frequency is not a number")
    return stems, zipf


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file next to ``path``, then rename it to ``path``."""
    import tempfile  # (only when saving: a run that learned nothing never needs it)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------------------------
# The lexicon in use

_active: Lexicon | None = None


def active() -> Lexicon | None:
    """The lexicon :func:`bot.core.text` consults (None: no cache, the libraries answer)."""
    return _active


def use(lexicon: Lexicon | None) -> None:
    """Consult ``lexicon`` from now on (None: none)."""
    global _active
    _active = lexicon


def configure(cache_dir: Path | None) -> Lexicon | None:
    """Load and use the lexicon file in ``cache_dir`` (None: use none); returns it.

    Call it before the engine modules are imported: they stem tables at import.
    """
    use(None if cache_dir is None else Lexicon.load(cache_dir / FILE_NAME))
    return _active


def save_active() -> bool:
    """Save the lexicon in use if it changed (never raises); True if written."""
    lexicon = _active
    return lexicon.save() if lexicon is not None else False
