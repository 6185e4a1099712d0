"""The lexicon cache: word stems and English word frequencies remembered across runs.

Stemming (nltk's Snowball stemmer) and English word frequencies (wordfreq) are pure functions of
a word, but importing nltk and loading wordfreq's English list take about a second. A
:class:`Lexicon` keeps their results in one JSON file, so a run whose words were all seen before
imports neither. :func:`bot.core.text.stem` and :func:`bot.core.text.english_zipf` consult the
lexicon set with :func:`use` (none by default: the core is pure) before the library.

Only words looked up inside a :func:`learning` scope (the engine's import and build, and the
tables built from the stopwords) are remembered and saved: question and moderation words are
answered from the file but never written to it. Inside a scope every lookup counts, even one
that ``text``'s in-process caches answer (a word a reader asked about before a reload). A save
writes what this run's learning used first, then the old file's other entries (another
corpus's) up to :data:`MAX_ENTRIES`; a run that only read saves too when one of its words is in
the file's last entries, after the first :data:`NEARLY_FULL` x :data:`MAX_ENTRIES` (another
corpus's next save would push it out first). The file is named after the library versions and the
stemmer's settings (:func:`file_name`) and read on the first lookup, not before.

The file is untrusted input: it is JSON, checked entry by entry and against a checksum of its
tables, and a file that is missing, unreadable, malformed, too big or damaged is ignored
(logged): the lexicon starts empty and the libraries answer. Saving writes a temporary file in
the same folder and renames it over the old one (a symlink there is replaced, never written
through; our old file keeps its read bits, a new one is private). Two runs saving at once take
turns: each holds an exclusive lock on the folder itself (no lock file) while it reads, merges and
renames (where ``fcntl`` is missing, as on Windows, or the folder cannot be locked, saves go on
unlocked); a run that waits more than :data:`LEARNED_LOCK_WAIT_SECONDS` (with new words) or
:data:`LOCK_WAIT_SECONDS` (only moving words to the front) does not save. A folder that
cannot be written is logged, never raised.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import logging
import math
import os
import stat
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Bumped when the file's layout or the meaning of an entry changes.
FORMAT_VERSION = 2
#: Most entries per table: this run's words come first, then the file's others until full
#: (beyond that, new words are not remembered; they are still answered).
MAX_ENTRIES = 100_000
#: Longest word remembered (a longer one is answered but not kept).
MAX_WORD_LENGTH = 64
#: A bigger file is not read (a full file is about 15 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The libraries whose answers are cached: each set of versions has its own file.
LIBRARIES = ("nltk", "wordfreq")
#: The mode of a new file (an existing one keeps its own).
NEW_FILE_MODE = 0o600
#: A run that only read the file rewrites it (its words first) if one of its words comes after
#: this share of :data:`MAX_ENTRIES` in a table: another corpus's next save would push it out
#: first.
NEARLY_FULL = 0.9
#: Longest a save that only moves words to the front waits for another run's save to finish
#: (then it gives up: that save is only for speed, and a command must not hang at exit) ...
LOCK_WAIT_SECONDS = 0.5
#: ... and a save with words the file lacks (a save of a full file takes about a second, so a
#: shorter wait would lose one of two runs' new words).
LEARNED_LOCK_WAIT_SECONDS = 5.0


def versions_key() -> str:
    """The format version, the installed versions of :data:`LIBRARIES` (read from their
    metadata, without importing them) and the stemmer's settings
    (:func:`bot.core.text.stemmer_settings`), e.g.
    ``"2 nltk=3.9.1 wordfreq=3.1.1 snowball=english ignore_stopwords=False rules=1"``."""
    from importlib.metadata import PackageNotFoundError, version

    from bot.core.text import stemmer_settings  # (text imports this module)

    parts = [str(FORMAT_VERSION)]
    for name in LIBRARIES:
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=none")
    parts.append(stemmer_settings())
    return " ".join(parts)


def file_name(key: str) -> str:
    """The file's name for versions ``key``: ``lexicon-<first 12 hex of sha1(key)>.json``."""
    return (
        f"lexicon-{hashlib.sha1(key.encode('utf-8'), usedforsecurity=False).hexdigest()[:12]}.json"
    )


def checksum(stems: dict[str, str], zipf: dict[str, float]) -> str:
    """sha256 (hex) of the canonical JSON of the two tables."""
    text = json.dumps(
        {"stems": stems, "zipf": zipf}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------
# Learning scopes

_learning: ContextVar[bool] = ContextVar("storybot_lexicon_learning", default=False)


@contextlib.contextmanager
def learning() -> Iterator[None]:
    """Remember the words looked up inside (in this thread or task; a thread started inside with
    a copy of the context, like ``asyncio.to_thread``, learns too)."""
    token = _learning.set(True)
    try:
        yield
    finally:
        _learning.reset(token)


def is_learning() -> bool:
    """Whether lookups here are remembered (inside a :func:`learning` scope)."""
    return _learning.get()


class Lexicon:
    """Stems and Zipf frequencies by word, read from one file on the first lookup and saved to it.

    ``explicit``: the folder was chosen by the user (problems with it are warnings; with the
    default folder they are logged at debug). Thread-safe.
    """

    def __init__(
        self, folder: Path | None = None, key: str | None = None, *, explicit: bool = True
    ) -> None:
        self.folder = folder
        self._key = key
        self.explicit = explicit
        self._stems: dict[str, str] = {}
        self._zipf: dict[str, float] = {}
        self._loaded_stems: dict[str, str] = {}
        self._loaded_zipf: dict[str, float] = {}
        #: The checksum of the loaded tables as the file holds them (None: no file read).
        self._loaded_checksum: str | None = None
        self._used_stems: dict[str, str] = {}
        self._used_zipf: dict[str, float] = {}
        self._loaded = folder is None
        self._lock = threading.RLock()
        self._warned = False

    @property
    def key(self) -> str:
        """The versions key (:func:`versions_key` unless given)."""
        if self._key is None:
            self._key = versions_key()
        return self._key

    @property
    def path(self) -> Path | None:
        """The file (None: no folder)."""
        return None if self.folder is None else self.folder / file_name(self.key)

    @property
    def loaded(self) -> bool:
        """Whether the file was read (or there is none to read)."""
        return self._loaded

    def __len__(self) -> int:
        self._load()
        return len(self._stems) + len(self._zipf)

    @property
    def changed(self) -> bool:
        """Whether learning used an entry the file did not hold."""
        return any(
            loaded.get(word) != value
            for used, loaded in (
                (self._used_stems, self._loaded_stems),
                (self._used_zipf, self._loaded_zipf),
            )
            for word, value in used.items()
        )

    @property
    def pushed_back(self) -> bool:
        """Whether an entry learning used is among the file's last ones, after the first
        :data:`NEARLY_FULL` x :data:`MAX_ENTRIES` of its table (other corpora saved since): the
        next save of another corpus would push it out first."""
        tail = int(NEARLY_FULL * MAX_ENTRIES)
        return any(
            len(loaded) > tail and not used.keys().isdisjoint(itertools.islice(loaded, tail, None))
            for used, loaded in (
                (self._used_stems, self._loaded_stems),
                (self._used_zipf, self._loaded_zipf),
            )
        )

    def stem(self, word: str) -> str | None:
        """The remembered stem of ``word``, or None (a hit inside a learning scope is kept)."""
        self._load()
        found = self._stems.get(word)
        if found is not None and _learning.get():
            self._use(self._used_stems, word, found)
        return found

    def zipf(self, word: str) -> float | None:
        """The remembered Zipf frequency of ``word``, or None (a hit inside a learning scope
        is kept)."""
        self._load()
        found = self._zipf.get(word)
        if found is not None and _learning.get():
            self._use(self._used_zipf, word, found)
        return found

    def remember_stem(self, word: str, stem: str) -> None:
        """Keep ``stem`` as the stem of ``word`` inside a learning scope (unless the table is
        full or the word long); outside one, nothing."""
        if _learning.get() and self._use(self._used_stems, word, stem):
            self._stems.setdefault(word, stem)

    def remember_zipf(self, word: str, zipf: float) -> None:
        """Keep ``zipf`` as the Zipf frequency of ``word`` inside a learning scope (unless the
        table is full or the word long); outside one, nothing."""
        if _learning.get() and self._use(self._used_zipf, word, zipf):
            self._zipf.setdefault(word, zipf)

    def learned_words(self) -> list[str]:
        """The words whose stems learning used this run, sorted."""
        with self._lock:
            return sorted(self._used_stems)

    def _use(self, table: dict[str, Any], word: str, value: object) -> bool:
        if len(word) > MAX_WORD_LENGTH:
            return False
        with self._lock:
            if word not in table and len(table) >= MAX_ENTRIES:
                return False
            table[word] = value
        return True

    def _load(self) -> None:
        """Read the file once (on the first lookup)."""
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            path = self.path
            assert path is not None
            tables = self._read(path)
            if tables is not None:
                self._stems, self._zipf = dict(tables[0]), dict(tables[1])
                self._loaded_stems, self._loaded_zipf, self._loaded_checksum = tables
            self._loaded = True

    def _read(self, path: Path) -> tuple[dict[str, str], dict[str, float], str] | None:
        """The file's tables and their checksum (None: no file, or one not to use; logged)."""
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError(f"larger than {MAX_FILE_BYTES // 2**20} MB")
            data = json.loads(path.read_text(encoding="utf-8"))
            stems, zipf = _checked(data, self.key)
            return stems, zipf, data["checksum"]
        except FileNotFoundError:
            log.debug("No lexicon cache at %s yet", path)
        except OSError as error:
            level = logging.WARNING if self.explicit else logging.DEBUG
            log.log(level, "Cannot read the lexicon cache %s (%s)", path, error)
        except (ValueError, RecursionError) as error:
            log.warning("Ignoring the lexicon cache %s (%s); it will be rewritten", path, error)
        return None

    def save(self) -> bool:
        """Write what learning used this run if it differs from the file read, or if one of
        its words is among the file's last (:attr:`pushed_back`); True if written.

        Never raises: a folder that cannot be written is logged (a warning the first time, if
        the folder was chosen explicitly and this run learned a word the file lacks; else at
        debug), and so, at debug, is giving up after :data:`LEARNED_LOCK_WAIT_SECONDS` (a save
        with new words) or :data:`LOCK_WAIT_SECONDS` (one that only moves words) of another
        run's save.
        """
        if self.folder is None or not (self._used_stems or self._used_zipf):
            return False
        self._load()  # (to compare with the file)
        with self._lock:
            learned = self.changed
            if not (learned or self.pushed_back):
                return False
            used_stems, used_zipf = dict(self._used_stems), dict(self._used_zipf)
        path = self.path
        assert path is not None
        if not learned and not os.access(self.folder, os.W_OK):
            log.debug("Not moving words to the front of %s: the folder is read-only", path)
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with _exclusive(
                path.parent, LEARNED_LOCK_WAIT_SECONDS if learned else LOCK_WAIT_SECONDS
            ):
                # this run's words first, then the file's others as it is now (another run may
                # have saved another corpus's meanwhile) until full
                now = self._tables_now(path)
                stems, zipf = _merged(used_stems, now[0]), _merged(used_zipf, now[1])
                digest = checksum(stems, zipf)
                data = {"key": self.key, "checksum": digest, "stems": stems, "zipf": zipf}
                _write_atomically(path, json.dumps(data, separators=(",", ":"), ensure_ascii=False))
                with self._lock:  # (before the next save's turn: it may reuse them)
                    self._loaded_stems, self._loaded_zipf = stems, zipf
                    self._loaded_checksum = digest
        except _Busy:
            log.debug("Not saving the lexicon cache %s: another run is saving it", path)
            return False
        except (OSError, RuntimeError) as error:  # (never raises, whatever the path)
            # (a save that only moves words to the front is not worth a warning: a read-only
            # folder would warn on every run)
            warn = self.explicit and learned and not self._warned
            log.log(
                logging.WARNING if warn else logging.DEBUG,
                "Cannot save the lexicon cache to %s (%s)",
                path,
                error,
            )
            self._warned = self._warned or warn
            return False
        return True

    def _tables_now(self, path: Path) -> tuple[dict[str, str], dict[str, float]]:
        """The file's tables as they are now: the ones read (or last saved) while the file
        still starts with their checksum, else read again (another run saved meanwhile); the
        ones read if it is gone or unusable now."""
        with self._lock:
            stems, zipf, digest = self._loaded_stems, self._loaded_zipf, self._loaded_checksum
        if digest is not None and _starts_with(path, _head(self.key, digest)):
            return stems, zipf
        now = self._read(path)
        return (stems, zipf) if now is None else (now[0], now[1])


def _head(key: str, digest: str) -> bytes:
    """How a file saved with ``key`` and tables of checksum ``digest`` begins."""
    data = {"key": key, "checksum": digest}
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)[:-1].encode("utf-8") + b","


def _starts_with(path: Path, head: bytes) -> bool:
    """Whether the file at ``path`` begins with ``head`` (False if it cannot be read)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(head)) == head
    except OSError:
        return False


class _Busy(Exception):
    """Another run held the lock for :data:`LOCK_WAIT_SECONDS`."""


@contextlib.contextmanager
def _exclusive(folder: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive advisory lock (``flock``) on ``folder`` itself inside, waiting at most
    ``wait`` seconds for it (see :func:`_lock`)."""
    fd = _lock(folder, wait)
    try:
        yield  # (closing the folder releases the lock)
    finally:
        if fd is not None:
            os.close(fd)


def _lock(folder: Path, wait: float = LOCK_WAIT_SECONDS) -> int | None:
    """Open ``folder`` and lock it exclusively (``flock``); the descriptor, or None if there is
    no lock to hold: without ``fcntl`` (Windows), or where the folder cannot be opened or
    locked (logged at debug; the save goes on unlocked). Raise :class:`_Busy` after ``wait``
    seconds of waiting for another run.

    No lock file is created (none to be private to one user, or to be planted), and reading
    the folder is enough. Each call opens the folder anew, so threads of one process take
    turns too.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        log.debug("Saving the lexicon cache unlocked: cannot open %s (%s)", folder, error)
        return None
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _Busy from None
                time.sleep(0.02)
    except OSError as error:  # (a file system without locks, say)
        os.close(fd)
        log.debug("Saving the lexicon cache unlocked: cannot lock %s (%s)", folder, error)
        return None
    except BaseException:
        os.close(fd)
        raise


def _merged(first: dict[str, Any], then: dict[str, Any]) -> dict[str, Any]:
    """``first``, then the entries of ``then`` it lacks, up to :data:`MAX_ENTRIES`."""
    merged = dict(first)
    for word, value in then.items():
        if len(merged) >= MAX_ENTRIES:
            break
        merged.setdefault(word, value)
    return merged


def _checked(data: object, key: str) -> tuple[dict[str, str], dict[str, float]]:
    """The two tables of a parsed file; a malformed or damaged one raises ``ValueError``."""
    if not isinstance(data, dict) or not isinstance(data.get("key"), str):
        raise ValueError("not a lexicon file")
    if data["key"] != key:
        raise ValueError("written for other library versions")
    stems, zipf = data.get("stems"), data.get("zipf")
    if not isinstance(stems, dict) or not isinstance(zipf, dict):
        raise ValueError("a table is missing")
    if len(stems) > MAX_ENTRIES or len(zipf) > MAX_ENTRIES:
        raise ValueError(f"more than {MAX_ENTRIES:,} entries in a table")
    if not all(type(w) is str and type(s) is str for w, s in stems.items()):
        raise ValueError("a stem is not a string")
    if not all(type(w) is str and type(z) is float and math.isfinite(z) for w, z in zipf.items()):
        raise ValueError("a frequency is not a number")
    if data.get("checksum") != checksum(stems, zipf):
        raise ValueError("checksum mismatch: the file is damaged")
    return stems, zipf


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file in ``path``'s folder, then rename it to ``path``. A
    symlink at ``path`` is replaced, never followed (in a shared folder it could point at any
    file the user can write); our old file keeps its read bits, a new one is private."""
    import tempfile  # (only when saving: a run that learned nothing never needs it)

    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise OSError(f"the lexicon is larger than {MAX_FILE_BYTES // 2**20} MB")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        old = path.lstat()
        ours = stat.S_ISREG(old.st_mode) and old.st_uid == os.getuid()
        # (the old file's read bits, never write for others; another user's file is not copied)
        mode = (old.st_mode & 0o755) | 0o600 if ours else NEW_FILE_MODE
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    fd, temp_name = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temp_name, mode)
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


def configure(cache_dir: Path | None, *, explicit: bool = True) -> Lexicon | None:
    """Use the lexicon in ``cache_dir`` (None: none); returns it. Nothing is read until the
    first lookup. ``explicit``: the user chose the folder (see :class:`Lexicon`)."""
    use(None if cache_dir is None else Lexicon(cache_dir, explicit=explicit))
    return _active


def save_active() -> bool:
    """Save the lexicon in use if it needs it (:meth:`Lexicon.save`; never raises); True if
    written."""
    lexicon = _active
    return lexicon.save() if lexicon is not None else False
