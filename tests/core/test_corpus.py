"""Tests for bot.core.corpus: loading articles, site chrome, metadata, stable ids, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.corpus import (
    MAX_FILE_BYTES,
    MAX_SLUG,
    _join_lines,
    is_caption,
    is_chrome,
    load_corpus,
)
from bot.core.errors import CorpusError

STORY_SLUG = "trump-russia-big-concession"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write one corpus file and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_story_loads_as_published(corpus_dir: Path) -> None:
    """The shipped story loads with its headline, 8 body paragraphs and no chrome."""
    corpus = load_corpus(corpus_dir)
    article = corpus.article(STORY_SLUG)
    assert article is not None
    assert article.title.startswith("Trump Calls Russia’s Pause on Ukraine")
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].text.startswith("During a meeting with Norwegian Prime Minister")
    assert article.paragraphs[-1].text.startswith("The war in Ukraine has continued")
    texts = " ".join(p.text for p in article.paragraphs)
    for chrome in ("Leave a Reply", "email address", "Required fields"):
        assert chrome not in texts
    assert all(p.text != "US President Donald Trump" for p in article.paragraphs)
    assert article.caption == "US President Donald Trump"  # kept apart, for "who is pictured"


def test_ids_are_stable_across_loads(corpus_dir: Path) -> None:
    """Paragraph ids are slug#n, 1-based, identical on every load of unchanged text."""
    first = load_corpus(corpus_dir)
    second = load_corpus(corpus_dir)
    assert [p.id for p in first.paragraphs] == [p.id for p in second.paragraphs]
    assert first.paragraphs[0].id == f"{STORY_SLUG}#1"
    assert first.articles[0].digest == second.articles[0].digest


GENERIC_ARTICLE = """Council Approves New Bridge

Photo by Jane Doe for the Ledger

The council voted 7 to 2 on Tuesday to approve the bridge.

Share this article

Construction will begin in September.
Lines of one paragraph are joined.

Subscribe to our newsletter

Related articles:

2 Comments

Great article!

Your email address will not be published. Required fields are marked *
"""


def test_chrome_is_removed_by_general_rules(tmp_path: Path) -> None:
    """Captions, share/subscribe/related lines and the comment section are not paragraphs."""
    write(tmp_path, "bridge.txt", GENERIC_ARTICLE)
    article = load_corpus(tmp_path).articles[0]
    assert [p.text for p in article.paragraphs] == [
        "The council voted 7 to 2 on Tuesday to approve the bridge.",
        "Construction will begin in September. Lines of one paragraph are joined.",
    ]


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Leave a Reply", True),
        ("Leave a Reply Cancel reply", True),
        ("Name *", True),
        ("Email *", True),
        ("Website", True),
        ("Save my name, email, and website in this browser for the next time I comment.", True),
        ("Your email address will not be published. Required fields are marked *", True),
        ("Share on Facebook", True),
        ("Facebook Twitter WhatsApp Email", True),
        ("Read more: Ferry fares rise again", True),
        ("Subscribe to the newsletter", True),
        ("Click to share on Facebook (Opens in new window)", True),
        ("Click to print (Opens in new window)", True),
        ("Email a link to a friend (Opens in new window)", True),
        ("Like this:", True),
        ("The council will share the cost with the state.", False),
        ("Click, the startup, opened a new office in Leeds (its third).", False),
        ("Like loading a truck, the work took hours.", False),
        ("Readers were asked to leave a reply by Friday, the council said.", False),
        ("Prices rose 4.5% in May, the data show. * Figures are provisional.", False),
    ],
    ids=[
        "leave-reply",
        "wordpress-reply-heading",
        "name-field",
        "email-field",
        "website-field",
        "remember-me",
        "comment-form",
        "share",
        "social-row",
        "read-more",
        "subscribe",
        "share-button",
        "print-button",
        "email-button",
        "like-this",
        "share-in-prose",
        "click-in-prose",
        "like-in-prose",
        "reply-in-prose",
        "footnote-marker-in-prose",
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    """Chrome lines are recognised; prose that uses the same words is not."""
    assert is_chrome(text) is chrome


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("US President Donald Trump", True),
        ("Mayor Elena Varga at the council meeting", True),
        ("The mayor spoke.", False),
        ("Dead fish on the banks of the River Alder near Millbrook in August 2023", True),
        (" ".join(["word"] * 31), False),
        ("First line of a paragraph\nthat goes on", False),
        ("Police tape outside the museum on Tuesday. (Photo: Elin Marsh)", True),
        ("The mayor spoke on Tuesday. (File picture)", True),
        ("The mayor spoke to reporters (and to the council).", False),
    ],
    ids=[
        "name",
        "scene",
        "sentence",
        "long-caption",
        "too-long",
        "two-lines",
        "credited-sentence",
        "file-picture",
        "parenthesis-in-prose",
    ],
)
def test_is_caption(text: str, caption: bool) -> None:
    """A caption is a short line without final punctuation."""
    assert is_caption(text) is caption


def test_front_matter_sets_metadata(tmp_path: Path) -> None:
    """TOML front matter gives title, url, date, author, publisher and slug."""
    write(
        tmp_path,
        "x.md",
        '+++\ntitle = "Shown Title"\nurl = "https://example.org/a"\ndate = 2025-04-24\n'
        'author = "A. Writer"\npublisher = "Ledger"\nslug = "My Slug"\n+++\n\nHeadline\n\nBody.\n',
    )
    article = load_corpus(tmp_path).articles[0]
    assert (article.slug, article.title, article.url, article.date, article.author) == (
        "my-slug",
        "Shown Title",
        "https://example.org/a",
        "2025-04-24",
        "A. Writer",
    )
    assert article.paragraphs[0].id == "my-slug#1"


def test_articles_sorted_by_slug_and_hidden_files_skipped(tmp_path: Path) -> None:
    """Articles come in slug order; .hidden and _draft files are ignored; *.md is read."""
    write(tmp_path, "b.txt", "B\n\nBody b.")
    write(tmp_path, "sub/a.md", "A\n\nBody a.")
    write(tmp_path, ".hidden.txt", "\x00")
    write(tmp_path, "_draft.txt", "")
    write(tmp_path, "notes.csv", "x")
    assert [a.slug for a in load_corpus(tmp_path).articles] == ["a", "b"]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", "", "is empty"),
        ("blank.txt", "  \n\n \n", "is empty"),
        ("headline.txt", "Only a headline\n", "no body paragraphs"),
        ("binary.txt", b"abc\x00def", "binary"),
        ("latin1.txt", "Caf\xe9\n\nBody.".encode("latin-1"), "not valid UTF-8"),
        ("big.txt", "H\n\n" + "x" * (MAX_FILE_BYTES + 1), "too large"),
        ("toml.md", "+++\ntitle = \n+++\nH\n\nB.", "not valid TOML"),
        ("open.md", "+++\ntitle = 'x'\nH\n\nB.", "never closed"),
        ("keys.md", "+++\ntitel = 'x'\n+++\nH\n\nB.", "unknown front matter key"),
        (
            "link.md",
            "+++\nurl = 'https://a.org/x) [Log in](https://b.example'\n+++\nH\n\nB.",
            "url",
        ),
        ("web.md", "+++\nurl = 'www.example.org/story'\n+++\nH\n\nB.", "url"),
    ],
    ids=[
        "empty",
        "blank",
        "headline-only",
        "binary",
        "latin1",
        "too-large",
        "bad-toml",
        "unclosed-front-matter",
        "unknown-key",
        "url-with-a-second-link",
        "url-without-a-scheme",
    ],
)
def test_bad_files_name_file_and_problem(
    tmp_path: Path, name: str, content: str | bytes, problem: str
) -> None:
    """A bad file raises CorpusError whose message names the file and the problem."""
    write(tmp_path, name, content)
    with pytest.raises(CorpusError) as raised:
        load_corpus(tmp_path)
    assert name in str(raised.value)
    assert problem in str(raised.value)


def test_duplicate_slugs_are_rejected(tmp_path: Path) -> None:
    """Two files with the same slug name both files."""
    write(tmp_path, "Same Story.txt", "H\n\nBody.")
    write(tmp_path, "same-story.md", "H\n\nBody.")
    with pytest.raises(CorpusError, match="duplicate slug 'same-story'") as raised:
        load_corpus(tmp_path)
    assert "Same Story.txt" in str(raised.value)


@pytest.mark.parametrize(
    ("setup", "problem"),
    [("missing", "no such folder"), ("empty", "no article files"), ("file", "not a folder")],
    ids=["missing", "empty", "file"],
)
def test_bad_folders(tmp_path: Path, setup: str, problem: str) -> None:
    """A missing, empty or non-folder corpus path gives a clear error."""
    target = tmp_path / "corpus"
    if setup == "empty":
        target.mkdir()
    elif setup == "file":
        target.write_text("x")
    with pytest.raises(CorpusError, match=problem):
        load_corpus(target)


def test_one_paragraph_a_line_without_blank_lines(tmp_path: Path) -> None:
    """A file without blank lines has one paragraph per line after the headline."""
    write(tmp_path, "lines.txt", "Headline\nFirst paragraph here.\nSecond one here.\n")
    texts = [p.text for p in load_corpus(tmp_path).paragraphs]
    assert texts == ["First paragraph here.", "Second one here."]


TIGHT_ARTICLE = """Thieves steal clock from Varrow museum
Police tape outside the museum on Wednesday morning. (Photo: Kieran Doyle)

Thieves broke into the museum early on Wednesday.

The clock was made in Geneva in 1784.
Police appealed for witnesses.
Leave a Reply
Your email address will not be published. Required fields are marked *
Share this: Facebook | X | WhatsApp | Email

Great article!
"""


def test_chrome_typed_without_blank_lines(tmp_path: Path) -> None:
    """A caption on the line under the headline and a comment section on the lines after the
    last paragraph are found with no blank line between them."""
    write(tmp_path, "museum.txt", TIGHT_ARTICLE)
    article = load_corpus(tmp_path).articles[0]
    assert article.title == "Thieves steal clock from Varrow museum"
    assert (
        article.caption
        == "Police tape outside the museum on Wednesday morning. (Photo: Kieran Doyle)"
    )
    assert [p.text for p in article.paragraphs] == [
        "Thieves broke into the museum early on Wednesday.",
        "The clock was made in Geneva in 1784. Police appealed for witnesses.",
    ]


@pytest.mark.parametrize(
    ("text", "title", "caption", "paragraphs"),
    [
        pytest.param(
            "Ferry cut to two sailings a day\nafter months of debate\n\nThe  council\tvoted.\n",
            "Ferry cut to two sailings a day after months of debate",
            None,
            ["The council voted."],
            id="wrapped-headline-and-spaces",
        ),
        pytest.param(
            "Headline\nA caption (Photo: X)\nFirst body line.\n\nSecond one.\n",
            "Headline",
            "A caption (Photo: X)",
            ["First body line.", "Second one."],
            id="caption-then-body-in-one-block",
        ),
        pytest.param(
            "Headline\n\nA caption under it\nLeave a Reply\n\nFirst body line.\n",
            "Headline",
            None,
            None,
            id="caption-then-comments-only",
        ),
    ],
)
def test_headline_blocks(
    tmp_path: Path, text: str, title: str, caption: str | None, paragraphs: list[str] | None
) -> None:
    """A wrapped headline stays one title; a caption line and the lines after it are apart;
    a comment section right after a caption ends the article (no body is an error)."""
    write(tmp_path, "story.txt", text)
    if paragraphs is None:
        with pytest.raises(CorpusError, match="no body paragraphs"):
            load_corpus(tmp_path)
        return
    article = load_corpus(tmp_path).articles[0]
    assert (article.title, article.caption) == (title, caption)
    assert [p.text for p in article.paragraphs] == paragraphs


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        pytest.param("Related: Lakeport ferry fares rise for the third time", True, id="related"),
        pytest.param("Recommended stories: Ten things to do", True, id="recommended"),
        pytest.param("Related talks continued on Monday.", False, id="prose"),
    ],
)
def test_related_links_are_chrome(line: str, chrome: bool) -> None:
    """A "Related: <headline>" line is site chrome; prose starting with "Related" is not."""
    assert is_chrome(line) is chrome


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Most read: Five ways to spot a phishing text | Telecom prices set to rise", True),
        ("Trending now: Storm warning for the coast", True),
        ("You may also like: Ten walks near Harrowby", True),
        ("Most readers said the fine was too small.", False),
        ("More from the court hearing was reported on Monday.", False),
    ],
    ids=["most-read", "trending", "also-like", "most-readers-prose", "more-from-prose"],
)
def test_link_list_lines_are_chrome(text: str, chrome: bool) -> None:
    """'Most read:', 'Trending now:' link lists are chrome; prose starting alike is not."""
    assert is_chrome(text) is chrome


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Brightwave chief executive Marcus Feld (File photo)", True),
        ("The leaders shake hands after the signing (Photo: Reuters)", True),
        ("The council approved the plan (by 7 votes to 2).", False),
    ],
    ids=["file-photo", "photo-credit", "sentence-with-brackets"],
)
def test_captions_with_a_photo_credit(text: str, caption: bool) -> None:
    """A caption may end with a credit in brackets; a sentence ending in brackets is not one."""
    assert is_caption(text) is caption


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Juniper, the zoo’s red panda, back in a holding area on Saturday. (Glenbrook Zoo)", True),
        ("Grain cars lie on their sides on Tuesday. (Dana Whitlock/Valley Courier)", True),
        ("The council approved the budget by a vote of 7-2. (Two members were absent.)", False),
        ("The council approved the budget on Tuesday (by a vote of 7-2).", False),
        ("The fund rose 3 percent (from 2 percent)", True),
    ],
    ids=[
        "credit-after-full-stop",
        "credit-with-outlet",
        "a-sentence-in-brackets",
        "brackets-before-full-stop",
        "unpunctuated-line",
    ],
)
def test_a_credit_in_brackets_after_the_full_stop_makes_a_caption(text: str, caption: bool) -> None:
    """A line ending "... on Saturday. (Glenbrook Zoo)" is a credited caption; a sentence in
    brackets after the full stop is no credit."""
    assert is_caption(text) is caption


def test_a_standfirst_above_the_dateline_stays_a_paragraph(tmp_path: Path) -> None:
    """A one-sentence summary under the headline is answerable text, not a caption, even when
    the paragraph below it opens with the dateline."""
    write(
        tmp_path,
        "schools.txt",
        "Board votes to close three schools\n\n"
        "The school board voted 5-2 on Monday to close three elementary schools.\n\n"
        "ASHFORD FALLS, Minn. — Parents packed the meeting room on Monday night.\n\n"
        "The closures take effect in June.\n",
    )
    article = load_corpus(tmp_path).articles[0]
    assert article.caption is None
    assert article.paragraphs[0].text.startswith("The school board voted 5-2")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\t\u00a0\u2003\x1c.")), max_size=30))
def test_joined_lines_have_single_spaces(block: str) -> None:
    """A paragraph's lines are joined with single spaces, whether or not it needed it."""
    assert _join_lines(block) == " ".join(block.split())


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\x85", "\x0c"])
def test_any_line_breaks_split_paragraphs_alike(tmp_path: Path, newline: str) -> None:
    """Windows', old Macs' and Unicode's line breaks give the paragraphs "\\n" gives (with
    "\\r" alone, a whole article was one paragraph)."""
    text = "Headline here\n\nFirst paragraph.\nStill first.\n\nSecond paragraph.\n"
    write(tmp_path / "unix", "a.txt", text)
    write(tmp_path / "other", "a.txt", text.replace("\n", newline).encode())
    expected = [p.text for p in load_corpus(tmp_path / "unix").paragraphs]
    assert [p.text for p in load_corpus(tmp_path / "other").paragraphs] == expected
    assert len(expected) == 2


def test_a_long_file_name_gets_a_short_stable_slug(tmp_path: Path) -> None:
    """A slug is at most 80 characters (Discord returns a choice's value only up to 100):
    the start of the name and a digest of the whole, the same on every load."""
    name = (
        "ukraine-war-live-updates-trump-says-russia-made-a-big-concession-"
        "by-not-taking-all-of-ukraine-2025-04-24"
    )
    write(tmp_path, f"{name}.txt", "Headline\n\nBody paragraph.\n")
    write(tmp_path, f"{name}-b.txt", "Headline\n\nBody paragraph.\n")
    slugs = [article.slug for article in load_corpus(tmp_path).articles]
    assert all(len(slug) <= MAX_SLUG and slug.startswith("ukraine-war-live") for slug in slugs)
    assert len(set(slugs)) == 2
    assert slugs == [article.slug for article in load_corpus(tmp_path).articles]


@pytest.mark.parametrize(
    "url", ["https://en.wikipedia.org/wiki/Bridge_(Lisbon)", "http://[2001:db8::1]/story"]
)
def test_a_web_address_with_brackets_is_kept(tmp_path: Path, url: str) -> None:
    """Round or square brackets belong to some addresses (a Wikipedia page, an IPv6 host)."""
    write(tmp_path, "a.md", f"+++\nurl = '{url}'\n+++\nHeadline\n\nBody paragraph.\n")
    assert load_corpus(tmp_path).articles[0].url == url


def test_a_long_url_loads(tmp_path: Path) -> None:
    """A tracking-laden url of hundreds of characters is no reason to refuse the article (the
    renderer leaves a link too long for an answer out)."""
    url = f"https://a.org/story?utm={'x' * 800}"
    (tmp_path / "a.md").write_text(f"+++\nurl = '{url}'\n+++\nHeadline\n\nBody text.\n")
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].url == url
