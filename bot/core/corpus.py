"""Load and validate the corpus: articles -> body paragraphs with stable ids and metadata.

The dataclasses below are the interface other layers rely on.

File format (documented in the README, section "Corpus format"):

* every ``*.txt`` or ``*.md`` file under the folder (recursively; names starting with ``.`` or
  ``_`` are skipped) is one article, UTF-8 (a BOM is allowed), at most :data:`MAX_FILE_BYTES`;
* optional TOML front matter between two ``+++`` lines at the very top, with string keys
  ``title``, ``url``, ``publisher``, ``date``, ``author`` and ``slug`` (read with ``tomllib``);
* the first non-empty line after it is the headline (the title unless ``title`` is given);
* body paragraphs are separated by blank lines (a body without any blank line has one paragraph
  per line); lines of one paragraph are joined with a space;
* site chrome is dropped by general rules (:func:`is_chrome`, :func:`is_caption`): a comment
  section ("Leave a Reply" and everything after it, also when typed with no blank line before
  it), comment-form lines, share/subscribe/related lines, and a photo caption (a short line
  right under the headline without final punctuation, or ending with a credit in brackets).

Stable ids: the slug (front matter ``slug`` or the file name, lower-cased, runs of other
characters turned into ``-``) and the paragraph's 1-based number among the kept body paragraphs.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.errors import CorpusError
from bot.core.text import LazyPattern, newlines, normalise, normalise_uncached, words

log = logging.getLogger(__name__)

#: Largest article file accepted (bytes).
MAX_FILE_BYTES = 2_000_000
#: Front-matter keys and what they mean.
METADATA_KEYS = ("title", "url", "publisher", "date", "author", "slug")
ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph: ``number`` is 1-based among the article's body paragraphs."""

    article: str  # the article's slug
    number: int
    text: str

    @property
    def id(self) -> str:
        """Stable citation id, e.g. ``trump-russia-big-concession#3``."""
        return f"{self.article}#{self.number}"

    @property
    def is_lead(self) -> bool:
        """Whether this is the article's lead, the first body paragraph (it sums the story up)."""
        return self.number == 1


@dataclass(frozen=True, slots=True)
class Article:
    """One story with its metadata and body paragraphs (site chrome removed)."""

    slug: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    author: str | None = None
    caption: str | None = None  # the photo caption under the headline (not answerable text)
    source: str = ""  # the file it was read from, for error messages and /story
    digest: str = ""  # hash of the text, to tell changed articles apart on reload


@dataclass(frozen=True, slots=True)
class Corpus:
    """All articles, in a stable order (by slug)."""

    articles: tuple[Article, ...]
    directory: str = ""
    _by_slug: dict[str, Article] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_slug.update((a.slug, a) for a in self.articles)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every body paragraph of every article, in order."""
        return tuple(p for article in self.articles for p in article.paragraphs)

    def article(self, slug: str) -> Article | None:
        """Return the article with this slug, or ``None``."""
        return self._by_slug.get(slug)


def load_corpus(directory: Path) -> Corpus:
    """Read every article file under ``directory``; raise ``CorpusError`` naming a bad file."""
    directory = Path(directory)
    if not directory.exists():
        raise CorpusError(str(directory), "no such folder")
    if not directory.is_dir():
        raise CorpusError(str(directory), "is not a folder")
    files = sorted(
        path
        for path in directory.rglob("*")
        if path.suffix.lower() in ARTICLE_SUFFIXES
        and path.is_file()
        and not any(part.startswith((".", "_")) for part in path.relative_to(directory).parts)
    )
    if not files:
        raise CorpusError(str(directory), "no article files (*.txt or *.md) in the folder")
    articles: dict[str, Article] = {}
    for path in files:
        article = load_article(path)
        if article.slug in articles:
            other = articles[article.slug].source
            raise CorpusError(str(path), f"duplicate slug {article.slug!r} (also used by {other})")
        articles[article.slug] = article
    ordered = tuple(articles[slug] for slug in sorted(articles))
    log.debug("loaded %d articles from %s", len(ordered), directory)
    return Corpus(ordered, directory=str(directory))


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and a digest of its bytes; raise ``CorpusError`` for unusable files."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CorpusError(
                str(path), f"file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})"
            )
        data = path.read_bytes()
    except OSError as error:
        raise CorpusError(str(path), f"cannot be read ({error.strerror or error})") from None
    if b"\x00" in data:
        raise CorpusError(str(path), "looks like a binary file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CorpusError(
            str(path), f"is not valid UTF-8 (bad byte at offset {error.start}); save it as UTF-8"
        ) from None
    # (any line break read as "\n", so that paragraphs split alike whatever wrote the file)
    return newlines(text, paragraph="\n\n"), hashlib.sha256(data).hexdigest()


#: The longest slug: Discord passes a choice's value back only up to 100 characters, and a
#: citation reads better short. A longer name keeps its start and gets a digest of the whole.
MAX_SLUG = 80


def slugify(name: str) -> str:
    """``"Trump Russia: Big Concession!"`` -> ``"trump-russia-big-concession"``; a slug over
    :data:`MAX_SLUG` characters is cut and ends in eight hex digits of the whole one's digest."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(name)).strip("-")
    if len(slug) <= MAX_SLUG:
        return slug
    digest = hashlib.sha256(slug.encode()).hexdigest()[:8]
    return f"{slug[: MAX_SLUG - 9].rstrip('-')}-{digest}"


def split_front_matter(text: str, source: str) -> tuple[dict[str, str], str]:
    """Split optional TOML front matter (between ``+++`` lines at the top) from the body."""
    if "+++" not in text:  # (most articles: no need to split all their lines)
        return {}, text
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "+++":
        return {}, text
    try:
        end = next(i for i in range(first + 1, len(lines)) if lines[i].strip() == "+++")
    except StopIteration:
        raise CorpusError(source, "front matter opened with +++ but never closed") from None
    try:
        raw = tomllib.loads("\n".join(lines[first + 1 : end]))
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(source, f"front matter is not valid TOML ({error})") from None
    unknown = sorted(set(raw) - set(METADATA_KEYS))
    if unknown:
        raise CorpusError(
            source,
            f"unknown front matter key(s) {', '.join(unknown)}; use {', '.join(METADATA_KEYS)}",
        )
    metadata: dict[str, str] = {}
    for key, value in raw.items():
        if isinstance(value, dict | list):
            raise CorpusError(source, f"front matter key {key!r} must be a single value")
        metadata[key] = str(value).strip()
    url = metadata.get("url", "")
    if url and not _WEB_ADDRESS.fullmatch(url):
        raise CorpusError(
            source,
            "front matter url must be one web address starting http:// or https://, "
            "with no spaces or angle brackets",
        )
    return metadata, "\n".join(lines[end + 1 :])


#: An article's web address: http(s), with no white space or angle brackets (brackets are
#: fine: Wikipedia's "(disambiguation)", an IPv6 host; links escape them).
_WEB_ADDRESS = LazyPattern(r"https?://[^\s<>]+", re.IGNORECASE)


def split_paragraphs(body: str) -> list[str]:
    """Blocks separated by blank lines (one a line if there is no blank line at all); the
    lines of a block are not joined yet (see :func:`load_article`)."""
    lines = body.splitlines()
    rest = lines[_first_nonblank(lines) :]
    if len(rest) > 1 and all(line.strip() for line in rest):
        return [line.strip() for line in rest]
    return [block.strip() for block in re.split(r"\n\s*\n", body) if block.strip()]


def _first_nonblank(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), 0)


def _join_lines(block: str) -> str:
    """``" ".join(block.split())``: the block's lines joined, white space runs made one space.

    A one-line block with single spaces only is returned as it is (the space is the only
    printable white space character), which saves splitting most paragraphs into words.
    """
    if block.isprintable() and "  " not in block and block[:1] != " " and block[-1:] != " ":
        return block
    return " ".join(block.split())


_COMMENT_SECTION = re.compile(
    r"^(leave a (reply|comment)|post a comment|add a comment|join the (discussion|conversation)|"
    r"\d+ (comments?|responses?|replies)|comments?( \(\d+\))?|discussion|responses?)\s*:?"
    r"( cancel reply)?$"  # WordPress prints "Leave a Reply Cancel reply" as one line
)
_CHROME = re.compile(
    r"^(your email address will not be published|required fields are marked|"
    r"you must be logged in to post a comment|cancel reply|save my name, email|"
    r"share (this|on|via)\b|share$|shares?:|follow us\b|follow (on|@)|subscribe\b|"
    r"sign up (for|to)\b|sign in to\b|click (here|to)\b|advertisement$|sponsored( content)?$|"
    # WordPress's share buttons: "Click to share on X (Opens in new window)", "Like this:"
    r".{0,60}\(opens in (a )?new (window|tab)\)$|like this:$|like loading\.*$|"
    r"(related|recommended|more)( (articles?|stories|posts|news|reading|coverage))?:?$|"
    r"(related|recommended)( (articles?|stories|posts|news|reading|coverage))?: |"
    r"(most (read|popular|viewed|shared)|trending( now)?|you (may|might) also like|"
    r"more (from|on|in) [\w ]{1,30}|don'?t miss|editor'?s picks?|top stories)\s*:|"
    r"read (more|also)\b|"
    r"also read\b|see also\b|photo( credit)?:|image( credit)?:|credit:|getty images$|"
    r"tags?:|filed under\b|posted in\b|copyright\b|all rights reserved|\(c\) \d{4}|"
    r"(previous|next) (article|post|story)\b|print( this)?( article| page)?$|email( this)?$|"
    # a comment form's field labels: "Name *", "Email *", "Website"
    r"(comment|name|e-?mail( address)?|website|url)\s*\*?$|[\w ]{1,20} \*$)"
)
#: Longest line that may open a comment section ("Leave a Reply Cancel reply", "Join the
#: conversation:", "12 comments").
_OPENER_MAX_CHARS = 40
_SOCIAL = words(
    "facebook twitter x linkedin whatsapp telegram reddit pinterest email print share tweet "
    "copy link messenger tumblr mastodon bluesky threads"
)
_CHROME_MAX_WORDS = 30


def is_chrome(paragraph: str) -> bool:
    """Whether a paragraph is site chrome (comment form, share/subscribe/related line)."""
    return _is_folded_chrome(normalise(paragraph).strip())


def _is_folded_chrome(folded: str) -> bool:
    """:func:`is_chrome` of a paragraph already normalised and stripped."""
    # (splitting at most _CHROME_MAX_WORDS times tells a longer paragraph apart)
    if not folded or len(folded.split(maxsplit=_CHROME_MAX_WORDS)) > _CHROME_MAX_WORDS:
        return False
    if _CHROME.match(folded) or _COMMENT_SECTION.match(folded):
        return True
    words = re.findall(r"[a-z]+", folded)
    return bool(words) and all(word in _SOCIAL for word in words)


def is_comment_section(paragraph: str) -> bool:
    """Whether a paragraph opens the comment section (everything after it is chrome)."""
    return bool(_COMMENT_SECTION.match(normalise(paragraph).strip()))


#: Longest caption under a headline ("Dead fish on the banks of the River Alder near Millbrook
#: in August 2023" is 14 words).
CAPTION_MAX_WORDS = 30
CAPTION_MAX_CHARS = 220


_PHOTO_CREDIT = re.compile(r"\s*\((?:[^()]{0,40})\)$")
#: A credit that says it is one ("(Photo: Elin Marsh)", "(File picture)", "(Getty Images)"): the
#: line it ends is a caption even when the caption itself ends with a full stop.
_NAMED_CREDIT = re.compile(
    r"\((?:[^()]{0,40}\b)?(?:photo|photograph|picture|image|credit|getty|reuters|afp)\b[^()]{0,40}\)$",
    re.IGNORECASE,
)


#: A credit in brackets: two to six capitalised words, maybe with a slash ("(Glenbrook Zoo)",
#: "(Dana Whitlock/Valley Courier)"); not a wire's "(AP)" ending a lead, nor "(Updated)".
_CREDIT_AFTER_STOP = LazyPattern(r"\s\((?:[A-Z][\w’'&.-]*)(?:[ /]+[A-Z][\w’'&.-]*){1,5}\)$")


def is_caption(paragraph: str) -> bool:
    """A photo caption: one line of at most :data:`CAPTION_MAX_WORDS` words without
    sentence-final punctuation (a body paragraph ends with a full stop, a caption does not),
    or with it when a credit ends the line ("(Photo: Reuters)", "... on Saturday. (Glenbrook
    Zoo)")."""
    line = paragraph.strip()
    text = _PHOTO_CREDIT.sub("", line)  # "(File photo)", "(Photo: Reuters)"
    credited = bool(_NAMED_CREDIT.search(line)) or (
        # a credit after the full stop: "... on Saturday. (Glenbrook Zoo)", not "(Two members
        # were absent.)"
        text[-1:] in (".", "!", "?") and bool(_CREDIT_AFTER_STOP.search(line))
    )
    return (
        "\n" not in text
        and 0 < len(text.split()) <= CAPTION_MAX_WORDS
        and len(text) <= CAPTION_MAX_CHARS
        and (credited or text[-1] not in ".!?:;\"”’'…)")
    )


def _split_headline(blocks: list[str]) -> tuple[str, list[str]]:
    """The headline and the blocks after it. A caption typed on the line right under the
    headline, with no blank line between, is a block of its own (and so are the lines after
    it); otherwise the first block's lines are one headline, wrapped."""
    first, *rest = blocks
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    # (a wrapped headline goes on in lower case: "... two sailings a day\nafter months of ...")
    if len(lines) > 1 and lines[1][:1].isupper() and is_caption(lines[1]):
        return _join_lines(lines[0]), [
            lines[1],
            *(["\n".join(lines[2:])] if lines[2:] else []),
            *rest,
        ]
    return _join_lines(first), rest


def _before_comment_section(block: str) -> tuple[str, bool]:
    """The lines of ``block`` before a line that opens the comment section, and whether one
    does ("...the last paragraph.\nLeave a Reply\nYour email address ..." typed with no blank
    line between)."""
    if "\n" not in block:
        return _join_lines(block), False
    lines = block.splitlines()
    for number, line in enumerate(lines):
        # (an opener is a short line: the lines of a wrapped paragraph are not normalised)
        if len(line) <= _OPENER_MAX_CHARS and _COMMENT_SECTION.match(
            normalise_uncached(line).strip()
        ):
            return _join_lines("\n".join(lines[:number])), True
    return _join_lines(block), False


def load_article(path: Path) -> Article:
    """Read one article file (see the module docstring for the format)."""
    text, digest = read_text(path)
    source = str(path)
    metadata, body = split_front_matter(text, source)
    blocks = split_paragraphs(body)
    if not blocks:
        raise CorpusError(source, "is empty" if not metadata else "has front matter but no text")
    headline, rest = _split_headline(blocks)
    kept: list[str] = []
    caption = None
    for position, block in enumerate(rest):
        block, comments_follow = _before_comment_section(block)
        if not block:
            break
        folded = normalise_uncached(block).strip()  # (a paragraph is seen once: no cache)
        if _COMMENT_SECTION.match(folded):  # the comment section: everything after it goes
            break
        if position == 0 and is_caption(block) and len(rest) > 1:
            caption = " ".join(block.split())
        elif not _is_folded_chrome(folded):
            kept.append(block)
        if comments_follow:
            break
    if not kept:
        raise CorpusError(source, "has a headline but no body paragraphs")
    slug = slugify(metadata.get("slug") or path.stem)
    if not slug:
        raise CorpusError(source, 'cannot make a slug from the file name; add slug = "..."')
    return Article(
        slug=slug,
        title=metadata.get("title") or headline,
        paragraphs=tuple(Paragraph(slug, n, block) for n, block in enumerate(kept, 1)),
        url=metadata.get("url") or None,
        publisher=metadata.get("publisher") or None,
        date=metadata.get("date") or None,
        author=metadata.get("author") or None,
        caption=caption,
        source=source,
        digest=digest,
    )
