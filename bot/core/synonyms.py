"""Synonyms from WordNet 3.0, bundled as a small table (no download at run time).

A reader may ask "Who mediated the swap?" of a story that says "talks were brokered by Oman",
or "Which prison was he held in?" of one that says "his detention in Evin prison". When a
question word is not in the story at all, :func:`synonyms` offers the words WordNet puts in the
same synsets (its three most frequent senses), their derivations ("detained" -> "confine",
"detention"), for an adjective the head it is a shade of ("complicated" -> "complex") and for
an adverb the adjective it comes from ("quickly" -> "quick", "fast"); the engine looks those up
instead, at a reduced weight. :func:`related` offers, for a noun with no synonym in the story,
the nouns one step broader or narrower ("heist" -> "robbery"), at a third of a synonym's
weight; :func:`other_forms` gives a verb's irregular forms ("mean" -> "meant").

The table ``data/wordnet_synonyms.txt.gz`` is built from Princeton WordNet 3.0 (licence in
``data/WORDNET-LICENSE``) by ``python -m bot.core.synonyms build /usr/share/wordnet`` (Debian's
``wordnet-base`` package installs that folder). Lines are ``pos<TAB>lemma<TAB>syn syn ...``, for
irregular forms ``pos!<TAB>form<TAB>lemma ...`` ("v!  held  hold"), and for broader and narrower
nouns ``n><TAB>lemma<TAB>noun noun ...``. The kinds of each noun (:func:`kinds`: "dance" ->
"tango") are ``n<<TAB>noun<TAB>kind kind ...`` lines in ``data/wordnet_kinds.txt.gz``, read only
when a question needs them.
"""

from __future__ import annotations

import gzip
import logging
import sys
import zlib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

TABLE = Path(__file__).with_name("data") / "wordnet_synonyms.txt.gz"
#: The kinds of nouns (``n<`` lines), apart: they are needed only by a "what/which NOUN"
#: question whose noun the story lacks, so the commoner lookups do not wait for them.
KINDS_TABLE = Path(__file__).with_name("data") / "wordnet_kinds.txt.gz"

#: How many senses of a word are used (WordNet lists them most frequent first).
SENSES = 3

#: Senses whose broader and narrower nouns are kept, and at most how many of those nouns.
RELATED_SENSES = 2
MAX_RELATED = 40

#: Senses of a noun whose broader nouns it is a kind of ("tango" -> "dance"), how many steps up
#: they may be, and most kinds kept for one noun (the broadest nouns, "entity", have thousands).
KIND_SENSES = 2
KIND_DEPTH = 4
MAX_KINDS = 400

#: Particles of the phrasal verbs kept in the table ("look_for" -> "seek", "wrap_up" -> "finish").
_PARTICLE_WORDS = "up down out off over in on back away about through around along for into after"
PARTICLES = frozenset(_PARTICLE_WORDS.split())

#: Phrasal verbs of news and chat whose sense WordNet lacks, for a story that does not use the
#: verb itself: "When did Trump sit down with Støre?" (a meeting), "Did Trump walk back his
#: remarks?" (see :func:`news_phrasal_synonyms`).
NEWS_PHRASALS: dict[str, tuple[str, ...]] = {
    "sit_down": ("meet", "meeting", "talks"),
    "walk_back": ("retract", "backtrack", "withdraw", "clarify"),
}

#: WordNet's parts of speech, in the order their synonyms are offered.
PARTS_OF_SPEECH = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}

#: WordNet's detachment rules ("morphy"): inflection -> ending of the base form.
_DETACHMENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "n": (
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ),
    "v": (
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


class Thesaurus:
    """Base forms and synonyms by part of speech, as read from the bundled table."""

    def __init__(self, lines: Iterable[str]) -> None:
        # Each word's entries stay one space-separated string until asked for: splitting the
        # 118,000 lines' values up front was most of the time the table took to read.
        self._synonyms: dict[str, dict[str, str]] = {p: {} for p in PARTS_OF_SPEECH}
        self._irregular: dict[str, dict[str, str]] = {p: {} for p in PARTS_OF_SPEECH}
        self._related: dict[str, dict[str, str]] = {p: {} for p in PARTS_OF_SPEECH}
        self._kinds: dict[str, dict[str, str]] = {p: {} for p in PARTS_OF_SPEECH}
        parts = {
            pos + mark: table[pos]
            for mark, table in (
                ("", self._synonyms),
                ("!", self._irregular),
                (">", self._related),
                ("<", self._kinds),
            )
            for pos in PARTS_OF_SPEECH
        }
        for line in lines:
            fields = line.split("\t")  # (a line's newline stays on its values: split() drops it)
            if len(fields) == 3 and (part := parts.get(fields[0])) is not None:
                part[fields[1]] = fields[2]
        self._forms: dict[str, set[str]] = {}  # verb -> its irregular forms ("mean" -> "meant")
        for form, lemmas in self._irregular["v"].items():
            for lemma in lemmas.split():
                self._forms.setdefault(lemma, set()).add(form)

    def __len__(self) -> int:
        return sum(len(words) for words in self._synonyms.values())

    def _base_forms(self, word: str, pos: str, lemmas: dict[str, str] | None = None) -> list[str]:
        """The lemmas ``word`` may be an inflection of, in one part of speech (the keys of
        ``lemmas``, by default the words with synonyms)."""
        if lemmas is None:
            lemmas = self._synonyms[pos]
        found = [word] if word in lemmas else []
        found += [b for b in self._irregular[pos].get(word, "").split() if b in lemmas]
        for ending, replacement in _DETACHMENTS[pos]:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                base = word[: len(word) - len(ending)] + replacement
                if base in lemmas:
                    found.append(base)
        return list(dict.fromkeys(found))

    def related(self, word: str) -> tuple[str, ...]:
        """Nouns one step broader or narrower than the noun ``word`` in WordNet ("heist" ->
        "robbery", "burglars" -> "thief"), for when no synonym will do."""
        found: list[str] = []
        for base in self._base_forms(word, "n"):
            found.extend(self._related["n"].get(base, "").split())
        return tuple(w for w in dict.fromkeys(found) if w != word)

    def is_only_a_verb(self, word: str) -> bool:
        """Whether WordNet reads ``word`` (any inflection) as a verb and never as a noun
        ("lost", "went"; not "power", "homes")."""
        return bool(self._base_forms(word, "v")) and not self._base_forms(word, "n")

    def is_adjective(self, word: str) -> bool:
        """Whether ``word`` is an adjective's lemma in WordNet ("hot" is, "work" is not)."""
        return word in self._synonyms["a"]

    def kinds(self, noun: str) -> tuple[str, ...]:
        """Nouns that are kinds of ``noun`` (any inflection) up to :data:`KIND_DEPTH` steps down
        in WordNet ("dance" -> "tango", "waltz"; "crimes" -> "bribery", "fraud")."""
        found: list[str] = []
        for base in self._base_forms(noun, "n", self._kinds["n"]):
            found.extend(self._kinds["n"][base].split())
        return tuple(w for w in dict.fromkeys(found) if w != noun)

    def other_forms(self, word: str) -> tuple[str, ...]:
        """The other forms of the verb ``word`` that a stemmer cannot relate to it, as WordNet
        lists them ("mean" -> "meant", "stolen" -> "steal", "stole"); empty when none."""
        lemmas = {word, *self._irregular["v"].get(word, "").split()}
        found = set(lemmas)
        for lemma in lemmas:
            found |= self._forms.get(lemma, set())
        found.discard(word)
        return tuple(sorted(found))

    def phrasal_synonyms(self, verb: str, particle: str) -> tuple[str, ...]:
        """Words WordNet gives for the phrasal verb of ``verb`` (any inflection) and
        ``particle`` ("looking", "for" -> "search", "seek", ...); empty when it has none."""
        verbs = self._synonyms["v"]
        found: list[str] = []
        for base in self._base_forms(verb, "v"):
            found.extend(verbs.get(f"{base}_{particle}", "").split())
        return tuple(dict.fromkeys(found))

    def news_phrasal_synonyms(self, verb: str, particle: str) -> tuple[str, ...]:
        """The words of :data:`NEWS_PHRASALS` for the phrasal verb of ``verb`` (any inflection)
        and ``particle`` ("sitting", "down" -> "meet", ...); empty when it has none."""
        found: list[str] = []
        for base in self._base_forms(verb, "v"):
            found.extend(NEWS_PHRASALS.get(f"{base}_{particle}", ()))
        return tuple(dict.fromkeys(found))

    def synonyms(self, word: str) -> tuple[str, ...]:
        """Words WordNet gives for ``word`` (lower case), most frequent senses first; its base
        forms ("held" -> "hold") come first."""
        found: list[str] = []
        for pos in PARTS_OF_SPEECH:
            for base in self._base_forms(word, pos):
                found.append(base)  # "sold" -> "sell": a stemmer does not know that
                found.extend(self._synonyms[pos][base].split())
        return tuple(w for w in dict.fromkeys(found) if w != word)


def _read(table: Path) -> Thesaurus:
    """A thesaurus of the bundled table ``table`` (empty if it is missing or unreadable)."""
    try:
        # (read whole: iterating over the lines of a gzip file took longer than the parsing)
        return Thesaurus(gzip.decompress(table.read_bytes()).decode("utf-8").splitlines())
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        log.warning("synonym table %s unreadable (%s); answering without it", table, error)
        return Thesaurus(())


@cache
def thesaurus() -> Thesaurus:
    """The bundled thesaurus, read once (an empty one if the table is missing or unreadable)."""
    return _read(TABLE)


@cache
def kinds_thesaurus() -> Thesaurus:
    """The bundled kinds of nouns, read once on first need."""
    return _read(KINDS_TABLE)


def synonyms(word: str) -> tuple[str, ...]:
    """Synonyms of ``word`` from the bundled WordNet table (empty when it has none)."""
    return thesaurus().synonyms(word)


def related(word: str) -> tuple[str, ...]:
    """Broader and narrower nouns (see :meth:`Thesaurus.related`)."""
    return thesaurus().related(word)


def kinds(noun: str) -> tuple[str, ...]:
    """Kinds of a noun (see :meth:`Thesaurus.kinds`)."""
    return kinds_thesaurus().kinds(noun)


def is_only_a_verb(word: str) -> bool:
    """Whether WordNet reads ``word`` only as a verb (see :meth:`Thesaurus.is_only_a_verb`)."""
    return thesaurus().is_only_a_verb(word)


def is_adjective(word: str) -> bool:
    """Whether WordNet has ``word`` as an adjective (see :meth:`Thesaurus.is_adjective`)."""
    return thesaurus().is_adjective(word)


def other_forms(word: str) -> tuple[str, ...]:
    """Irregular forms of the same lemma as ``word`` (see :meth:`Thesaurus.other_forms`)."""
    return thesaurus().other_forms(word)


def phrasal_synonyms(verb: str, particle: str) -> tuple[str, ...]:
    """Synonyms of a phrasal verb ("looking for") from the bundled WordNet table."""
    return thesaurus().phrasal_synonyms(verb, particle)


def news_phrasal_synonyms(verb: str, particle: str) -> tuple[str, ...]:
    """News senses of a phrasal verb WordNet lacks (see :meth:`Thesaurus.news_phrasal_synonyms`)."""
    return thesaurus().news_phrasal_synonyms(verb, particle)


def _phrasal(lemma: str) -> bool:
    """Whether a WordNet verb lemma is a verb and one particle ("look_for")."""
    verb, _, particle = lemma.partition("_")
    return particle in PARTICLES and verb.isalpha()


# --- building the table from a WordNet 3.0 dictionary folder ----------------------------------


def _records(path: Path) -> Iterator[list[str]]:
    """The fields of each entry line of a WordNet index or data file (licence lines skipped)."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith(" "):
                yield line.split("|")[0].split()


def _single_word(lemma: str) -> bool:
    return "_" not in lemma and lemma.replace("-", "").isalpha()


def _adjective_and_head(
    synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str, str]]]],
    offset: str,
) -> list[str]:
    """The words of the adjective synset an adverb derives from ("quickly" -> "quick",
    "speedy") and, for a shade of a head adjective, the head's words ("fast")."""
    lemmas, pointers = synsets[("a", offset)]
    heads = [other for symbol, other, _, _ in pointers if symbol == "&"]
    found = list(lemmas)
    if len(heads) == 1:
        found += synsets[("a", heads[0])][0]
    return found


def _broader_and_narrower(
    synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str, str]]]],
    pos: str,
    offsets: list[str],
) -> list[str]:
    """Single words one step up or down from a noun's most frequent senses ("robbery" ->
    "theft", "heist"; "burglar" -> "thief"), at most :data:`MAX_RELATED`."""
    found: list[str] = []
    for offset in offsets[:RELATED_SENSES]:
        for symbol, other, other_pos, _ in synsets[(pos, offset)][1]:
            if symbol in ("@", "@i", "~", "~i") and other_pos == pos:
                found += (w for w in synsets[(other_pos, other)][0] if _single_word(w))
    return list(dict.fromkeys(found))[:MAX_RELATED]


def _kinds_of_nouns(
    synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str, str]]]],
    senses: dict[str, list[str]],
) -> dict[str, list[str]]:
    """For each single-word noun, the single-word nouns that are kinds of it: those with it
    among the broader nouns of one of their first :data:`KIND_SENSES` senses, at most
    :data:`KIND_DEPTH` steps up; nouns with more than :data:`MAX_KINDS` kinds are left out."""
    kinds: dict[str, set[str]] = {}
    for lemma, offsets in senses.items():
        if not _single_word(lemma):
            continue
        frontier = offsets[:KIND_SENSES]
        for _ in range(KIND_DEPTH):
            frontier = [
                other
                for offset in frontier
                for symbol, other, other_pos, _ in synsets[("n", offset)][1]
                if symbol in ("@", "@i") and other_pos == "n"
            ]
            for offset in frontier:
                for broader in synsets[("n", offset)][0]:
                    if broader != lemma and _single_word(broader):
                        kinds.setdefault(broader, set()).add(lemma)
    return {noun: sorted(found) for noun, found in kinds.items() if len(found) <= MAX_KINDS}


def build_table(wordnet: Path) -> list[str]:
    """The table's lines for the WordNet dictionary folder ``wordnet`` (``index.noun``, ...)."""
    synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str, str]]]] = {}
    for pos, name in PARTS_OF_SPEECH.items():
        for head in _records(wordnet / f"data.{name}"):
            count = int(head[3], 16)
            lemmas = [head[4 + 2 * i].lower().split("(")[0] for i in range(count)]
            at = 4 + 2 * count
            pointers = [
                (head[i], head[i + 1], "a" if head[i + 2] == "s" else head[i + 2], head[i + 3])
                for i in range(at + 1, at + 1 + 4 * int(head[at]), 4)
            ]
            synsets[(pos, head[0])] = (lemmas, pointers)
    lines = []
    noun_senses: dict[str, list[str]] = {}
    for pos, name in PARTS_OF_SPEECH.items():
        for fields in _records(wordnet / f"index.{name}"):
            lemma, pointer_count = fields[0], int(fields[3])
            if pos == "n":
                noun_senses[lemma] = fields[6 + pointer_count :]
            if not (_single_word(lemma) or (pos == "v" and _phrasal(lemma))):
                continue
            found: list[str] = []
            for offset in fields[6 + pointer_count :][:SENSES]:
                lemmas, pointers = synsets[(pos, offset)]
                found += lemmas
                # A satellite adjective points to its one head ("complicated" -> "complex"); a
                # head points to dozens of satellites, too loosely related to stand in.
                similar = [p for p in pointers if p[0] == "&"]
                for symbol, other, other_pos, source_target in pointers:
                    target = int(source_target[2:], 16)
                    if symbol == "+" and target:
                        found.append(synsets[(other_pos, other)][0][target - 1])
                    elif symbol == "&" and len(similar) == 1:
                        found += synsets[(other_pos, other)][0]
                    elif symbol == "\\" and pos == "r":
                        found += _adjective_and_head(synsets, other)
            kept = [w for w in dict.fromkeys(found) if w != lemma and _single_word(w)]
            if kept:
                lines.append(f"{pos}\t{lemma}\t{' '.join(kept)}")
            if pos == "n":
                related = _broader_and_narrower(synsets, pos, fields[6 + pointer_count :])
                related = [w for w in related if w != lemma and w not in kept]
                if related:
                    lines.append(f"{pos}>\t{lemma}\t{' '.join(related)}")
        with (wordnet / f"{name}.exc").open(encoding="utf-8") as exceptions:
            for line in exceptions:
                form, *bases = line.split()
                if _single_word(form) and bases:
                    lines.append(f"{pos}!\t{form}\t{' '.join(bases)}")
    for noun, found in sorted(_kinds_of_nouns(synsets, noun_senses).items()):
        lines.append(f"n<\t{noun}\t{' '.join(found)}")
    return lines


def main(argv: list[str]) -> int:
    """``python -m bot.core.synonyms build WORDNET_DIR``: rewrite the bundled table."""
    if len(argv) != 2 or argv[0] != "build":
        print("usage: python -m bot.core.synonyms build WORDNET_DIR", file=sys.stderr)
        return 2
    lines = build_table(Path(argv[1]))
    TABLE.parent.mkdir(exist_ok=True)
    for table, kept in (
        (TABLE, [line for line in lines if not line.startswith("n<")]),
        (KINDS_TABLE, [line for line in lines if line.startswith("n<")]),
    ):
        with gzip.GzipFile(table, "wb", mtime=0) as out:
            out.write(("\n".join(kept) + "\n").encode("utf-8"))
        print(f"wrote {len(kept):,} lines to {table} ({table.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
