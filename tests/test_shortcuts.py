"""The extractor's per-sentence shortcuts give exactly what the full tests give.

Each shortcut skips or cuts short a costly test when a cheap one settles it (no
quotation mark: nothing to remove; prose: no bare date line; no word a name or a
reference needs: no actor). Each is checked
against the full test it stands for, on generated text made of the words and
separators that test looks at, so a shortcut that decides wrongly shows up.
(The date rules' required-text gate is checked in tests/test_date_rules.py.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from data import actors, extract, furniture, money, organisations, roles
from data import text as text_module
from data.dates import resolution
from data.dates.vocabulary import MONTH_NAMES, WEEKDAY_NAMES
from data.text import tokens


def _text(fragments, max_size=14):
    return st.lists(st.sampled_from(sorted(fragments)), max_size=max_size).map("".join)


_DATE_LINE_FRAGMENTS = {
    *MONTH_NAMES, *(m[:3] for m in MONTH_NAMES), *WEEKDAY_NAMES, "Sept", "May",
    "2021", "24", "5", "10:30", "9.45", "am", "PM", "a.m.", "GMT", "HKT+8", "UTC", "(Reuters)",
    "(AFP)", "2 days ago", "3 hours", " ago", "Published", "Updated", "st", "th", "2021-07-05",
    "5/7/2021", " ", "\u00a0", ", ", ".", "|", "/", "·", "•", "(", ")", "-", "–", "—", ":", "+",
    "The", "regulators", "fined", "Alibaba", "on", "By", "x", "\n",
}  # fmt: skip


def _bare_date_line_in_full(sentence: str) -> bool:
    """The definition: remove every date-line part; nothing but blanks is left."""
    return bool(furniture._DIGIT.search(sentence)) and not furniture._DATE_LINE_PART.sub(
        "", sentence
    ).strip()


@settings(max_examples=400, deadline=None)
@given(_text(_DATE_LINE_FRAGMENTS))
def test_a_bare_date_line_is_read_part_by_part_as_the_full_removal_reads_it(sentence):
    assert furniture._bare_date_line(sentence) == _bare_date_line_in_full(sentence)


def test_bare_date_lines_and_prose_are_told_apart():
    assert furniture._bare_date_line("Monday, July 5, 2021 | 10:30 AM (Reuters)")
    assert furniture._bare_date_line("2 days ago")
    assert not furniture._bare_date_line("July 5, 2021 regulators fined Alibaba")
    assert not furniture._bare_date_line("July 5, 2021 x")


_VOICE_FRAGMENTS = {
    "I", "I’m", "I've", "me", "my", "myself", "Me", "m", "e", "y", "mine", "Im",
    "“", "”", '"', "'", "’", " ", "\u00a0", ", ", ". ", "said", "we", "regulators", "In 2015",
}  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_text(_VOICE_FRAGMENTS))
def test_the_authors_voice_is_found_outside_quotations_with_or_without_the_shortcut(sentence):
    in_full = bool(extract._FIRST_PERSON.search(extract._QUOTED.sub("", sentence)))
    assert extract._authorial(sentence) == in_full


# Actors: a sentence the shortcut passes over is one the full resolution finds no one in,
# and leaves the context as it was. Documents of sentences made of names, surnames,
# pronouns, descriptions, plural references, discovery cues and filler, in turn.
_ACTOR_FRAGMENTS = {
    "Alibaba", "Tencent", "Ant Group", "JD.com", "Didi", "the State Administration for Market Regulation",
    "SAMR", "Xi Jinping", "Jack Ma", "Ma", "Mr. Ma", "Xi", "Beijing", "in Beijing", "regulators",
    "he", "He", "his", "him", "the company", "The company", "the e-commerce giant", "the regulator",
    "The agency", "the administration", "they", "They", "the tech giants", "the three companies",
    "Huya, a live-streaming site,", "Huya", "Chinese carmaker Xpeng", "Xpeng", "Bilibili Inc.",
    "Zhihu shares fell", "shares of DouYu", "Tencent-backed", "of which Alibaba owns 30 percent",
    "said", "fined", "on Friday", "in July", "the", "The", "a", "report", "and", ",", ".",
    # words of longer names, alone ("Bank of China", "Micron Technology", "the state")
    "China", "Bank", "People’s Bank of China", "of", "Technology", "Micron", "state", "State",
    "China imposed", "China has fined",
    # a list's words, with and without a noun that introduces companies
    "including", "such as", "like", "among them", "companies", "firms", "Zorvex", "Quibble Ltd",
}  # fmt: skip
def _text_of(fragments):
    return " ".join(fragments)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(sorted(_ACTOR_FRAGMENTS)), max_size=8), max_size=10))
def test_a_sentence_the_actor_shortcut_passes_over_names_no_one_and_changes_no_context(doc):
    gaz = actors.gazetteer()
    fast, full = actors.ActorContext(), actors.ActorContext()
    for index, sentence in enumerate(map(_text_of, doc)):
        words = tokens(sentence)
        got = actors.resolve_actors(sentence, index, fast, gaz, words)
        want = actors._resolve(sentence, index, full, gaz, words)
        assert (got, fast) == (want, full), sentence


def _resolved_with_and_without_the_shortcut(doc):
    """The last sentence's actors, each sentence resolved with the shortcut and without it
    (the two must agree, context included)."""
    gaz, fast, full = actors.gazetteer(), actors.ActorContext(), actors.ActorContext()
    for index, sentence in enumerate(doc):
        words = tokens(sentence)
        got = actors.resolve_actors(sentence, index, fast, gaz, words)
        assert (got, fast) == (actors._resolve(sentence, index, full, gaz, words), full)
    return got


@pytest.mark.parametrize(
    "doc",
    [
        ["Zorvex, a live-streaming site, said so.", "Zorvex said so."],  # named again
        ["Jack Ma spoke.", "Mr. Ma said so."],  # a surname (also a gazetteer name)
        ["Jack Ma spoke.", "He said so."],  # a pronoun
        ["Alibaba fell.", "The tech titan said so."],  # a description
        ["SAMR met.", "The agency said so."],  # a state body's description
        ["Alibaba and Tencent fell.", "They said so."],  # a plural reference
        ["The controls China imposed in April remain."],  # the state by "China" and an act
    ],
)
def test_a_reference_to_an_earlier_sentence_is_not_passed_over(doc):
    got = _resolved_with_and_without_the_shortcut(doc)
    assert got.companies or got.regulators, doc[-1]


def test_the_actor_shortcut_passes_over_a_sentence_that_names_no_one():
    gaz, ctx = actors.gazetteer(), actors.ActorContext()
    sentence = "Profits fell in July."
    assert actors._names_no_one(sentence, 0, ctx, gaz, tokens(sentence))
    ctx.last_company = (0, "Alibaba")  # "the company" may now refer to it
    sentence = "The company said so."
    assert not actors._names_no_one(sentence, 1, ctx, gaz, tokens(sentence))
    sentence = "The profits fell."  # "the", and no word a description of a company needs
    assert actors._names_no_one(sentence, 1, ctx, gaz, tokens(sentence))


@pytest.mark.parametrize("sentence", [
    "Technology stocks in China fell.",  # words of "Micron Technology", "Bank of China"
    "A state of confusion followed.",  # a word of "the state", without "the"
    "It looks like a thing such as that, among others.",  # a list's words, no noun of one
])
def test_the_actor_shortcut_passes_over_a_sentence_holding_only_some_words_of_a_name(sentence):
    gaz, ctx = actors.gazetteer(), actors.ActorContext()
    assert actors._names_no_one(sentence, 0, ctx, gaz, tokens(sentence))
    assert actors._resolve(sentence, 0, ctx, gaz, tokens(sentence)) == actors.Actors((), ())


_GLUED_FRAGMENTS = {
    "USD", "usd", "UsD", "HKD", "CNY", "RMB", "eur", "GBP", "JPY", "US", "D", "K", "\u212a",
    "\u017f", "10", "1", "٣", " ", ".", ",", "$", "x", "yuan",
}  # fmt: skip
_GLUED_IN_FULL = re.compile(r"(?:USD|HKD|CNY|RMB|EUR|GBP|JPY)\d", re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(_text(_GLUED_FRAGMENTS, max_size=8))
def test_a_currency_code_glued_to_a_number_is_found_from_its_digit_as_from_its_letters(text):
    assert bool(money._ISO_GLUED.search(text)) == bool(_GLUED_IN_FULL.search(text))


# Discovery cues (data/organisations.py) are searched only with the cues whose required
# text the sentence has: the same matches as the full pattern, on text made of
# capitalised names and the cues' own words.
_CUE_FRAGMENTS = {
    "Bilibili", "Hive Box", "Zhihu", "JD", "The", "In", " ", ", ", ". ", " Inc.", " Ltd",
    " Limited", " Holdings", " Group", " Co., Ltd.", " Corp", " PLC", ", a live-streaming site",
    ", the game-streaming platform", "Chinese carmaker ", "chipmaker ", "the streaming site ",
    "-backed ", "’s shares", "'s Hong Kong shares", " stock", "shares of ", "Shares in ",
    " shares fell", " shares were", "company", "app", "said",
}  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_text(_CUE_FRAGMENTS, max_size=10))
def test_discovery_cues_searched_by_required_text_find_what_the_full_pattern_finds(text):
    def read(matches):
        return [(m.span(), {k: v for k, v in m.groupdict().items() if v}) for m in matches]

    assert read(organisations.CUES.finditer(text)) == read(organisations.CUES.pattern.finditer(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_words_of_an_ascii_sentence_are_split_once_as_the_search_finds_them(sentence):
    """tokens() splits an ASCII sentence where every character but a letter or digit is
    a blank; the definition is WORD's runs, in both cases."""
    found = text_module.WORD.findall(sentence)
    assert tokens(sentence) == frozenset(found) | frozenset(text_module.WORD.findall(sentence.lower()))


_SEPARATORS = {" ", "  ", ", ", ". ", "-", "é", "5"}
#: Patterns written for speed, each beside the plain form it stands for and the fragments
#: that make text for it: with their first character before a ``\b`` (the regex engine
#: then looks only where that character is), or as an ``Alternation`` (a sentence is
#: searched only with the alternatives whose words it has).
_FASTER_FORMS = [
    (extract._FIRST_PERSON, r"(?<!\.)\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|myself)\b",
     {"I", "I’m", "I'll", "I’ve", "I'd", "me", "my", "myself", "m", "e", "y", "Im", "aI", "_",
      " ", "-", ".", "é", "5", "’", "'"}),
    (extract._FIRST_PLURAL, r"(?<!\.)\b(?:[Ww]e|[Oo]urs?|us|ourselves)\b",
     {"We", "we", "wE", "Our", "our", "ours", "Ours", "us", "US", "ourselves", "o", "u", "w", "s",
      "aw", "_", " ", "-", ".", "é", "5", "’", "'"}),
    (actors._DESCRIPTION,
     r"\b[Tt]he\s+(?:(?!(?:of|kind|type|sort|other|same|only|first|largest|biggest|most|such|"
     r"whole|entire)\b)[\w-]+\s+){0,2}?(?:(?:and|&)\s+(?!(?:the|a|an|its)\b)[\w-]+\s+)?(?:"
     + actors.DESCRIPTION_NOUNS
     + r")\b(?![’']s\s+(?:rivals?|peers))" + actors._NOT_A_MODIFIER,
     {"The", "the", "tHe", "xthe", "_the", "é", " ", "  ", "-", "of", "kind", "big",
      "company", "firm", "start-up", "’s", " rivals", "peers", "s", "T", "he", "platform",
      "economy", "companies", "app", "apps", "chipmaker", "maker", "phone"}),
    (actors._ACTOR_DESCRIPTION,
     r"\b[Tt]he\s+(?:[\w-]+\s+)?(?:regulator|watchdog|agency|ministry|commission|administration)"
     r"\b(?!\s+(?:of|for)\b)",
     {"The", "the", "athe", "1the", "é", " ", "-", "market", "regulator", "agency", "of", "for",
      "s", "T", "he"}),
    (actors._CHINA_ACTS,
     r"(?<![\w’'.-])(?<!of\s)(?<!in\s)(?<!to\s)(?<!from\s)(?<!across\s)"
     + actors._CHINA_ACTS.pattern.removeprefix(
         r"C(?<![\w’'.-]C)(?<!of\sC)(?<!in\sC)(?<!to\sC)(?<!from\sC)(?<!across\sC)"
     ).replace("hina", "China", 1),
     {"China", "C", "hina", "xChina", "of", "in", "to", "from", "across", " ", "  ", "’", "'",
      ".", "-", "é", "_", "fined", "has", "will", "on", "Monday", "cracked", "down", "by", "bans",
      "Chinas", "s"}),
    (organisations._INTRO_ANYWHERE, organisations._INTRO_ANYWHERE.pattern.pattern,
     {*_SEPARATORS, "companies", "Firms", "start-ups", "startups", "apps", "groups", "including",
      "such as", "like", "among them", "led by", ":", ";", "ſ", "\u212a", "Makers", "mAKERS",
      "insurers", "s", "firm"}),
    (roles.OWNER_PHRASES, roles.OWNER_PHRASES.pattern.pattern,
     {*_SEPARATORS, "of which", "in which", "Alibaba", "owns", "held", "a former", "manager",
      "through its", "official", "account", "majority", "owned by", "whose", "shareholders",
      "include", "an", "affiliate of", "analyst", "at", "according to", "(", "—"}),
    (roles.COLLECTIVE, roles.COLLECTIVE.pattern.pattern,
     {*_SEPARATORS, "sector", "Industry", "companies", "firms", "giants", "wiped", "out",
      "groups", "s", "billions"}),
    (resolution._FUTURE, resolution._FUTURE.pattern.pattern,
     {*_SEPARATORS, "will", "shall", "is", "are", "set", "due", "to", "plans", "plan", "takes",
      "effect", "expected", "Will"}),
    (resolution._SCHEDULED, resolution._SCHEDULED.pattern.pattern,
     {*_SEPARATORS, "was", "were", "had been", "initially", "first", "scheduled", "slated",
      "for", "to", "on", "set", "due", "planned", "would", "Would"}),
]  # fmt: skip


def _spans(pattern, text):
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("pattern", "plain", "fragments"), _FASTER_FORMS)
def test_a_pattern_written_for_speed_finds_what_its_plain_form_finds(
    pattern, plain, fragments
):
    plain = re.compile(plain, pattern.flags)

    @settings(max_examples=2000, deadline=None)
    @given(_text(fragments, max_size=16))
    def same(text):
        assert _spans(pattern, text) == _spans(plain, text)

    same()
    from pathlib import Path  # noqa: PLC0415

    from data.sources import SEEDS_DIR  # noqa: PLC0415

    heldout = Path(__file__).parent / "heldout"
    folders = [SEEDS_DIR, heldout / "articles", heldout / "blind4" / "articles"]
    for path in sorted(p for f in folders for p in f.glob("*.txt")):
        article = path.read_text(encoding="utf-8")
        assert _spans(pattern, article) == _spans(plain, article), path.name


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Z9_.,-'’‘“”\xa0—–…·€£©éİ"), max_size=40))
def test_a_sentence_of_ascii_and_common_marks_has_the_words_the_search_finds(sentence):
    """tokens() blanks the common non-ASCII marks of a sentence and splits it as an ASCII
    one when nothing else is beyond ASCII; the definition is WORD's runs, in both cases."""
    found = text_module.WORD.findall(sentence)
    assert tokens(sentence) == frozenset(found) | frozenset(text_module.WORD.findall(sentence.lower()))


def test_the_common_marks_are_neither_letters_nor_digits_and_have_no_case():
    marks = list(text_module._COMMON_MARKS)
    assert len(marks) >= 12
    assert not any(m.isascii() or m.isalnum() or m.lower() != m for m in marks)


_LIST_FRAGMENTS = {
    "Companies", "companies", "COMPANIES", "companie\u017f", "firms", "start-ups", "startups",
    "Start-Ups", "makers", "carmakers", "platforms", "including", "Including", "such", "as",
    "like", "among", "them", "notably", "led", "by", "the", "five", "it", "named", ":", ", ",
    " and ", " or ", " ", ",", ".", "Alibaba", "Tencent", "Qudian", "Dingdong", "360", "Huya",
    "Zorvex", "Qihoo",
}  # fmt: skip


def _known(sentence: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in actors.find_mentions(sentence, actors.gazetteer())
            if m.group == "company"]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(_text(_LIST_FRAGMENTS, max_size=12))
@example("The start-ups it named: Qudian, Dingdong and Zorvex.")  # "start-ups": two words
@example("The companie\u017f it named: Qudian, Dingdong and Zorvex.")  # "\u017f" folds to "s"
def test_a_sentence_the_list_shortcut_passes_over_lists_no_company(sentence):
    """may_list is the cheap first test of listed: where it says no, listed finds nothing."""
    known = _known(sentence)
    if not organisations.may_list(sentence, known, tokens(sentence)):
        assert organisations.listed(sentence, known, known, frozenset()) == [], sentence


@pytest.mark.parametrize(
    "doc",
    [
        ["The start-ups it named: Qudian, Dingdong and Zorvex."],
        ["The companie\u017f it named: Qudian, Dingdong and Zorvex."],
    ],
)
def test_a_list_the_gazetteer_knows_no_name_of_is_not_passed_over(doc):
    got = _resolved_with_and_without_the_shortcut(doc)
    assert set(got.companies) == {"Qudian", "Dingdong", "Zorvex"}, got
_DIGIT_ALPHABET = "ab Z09_.,-’\xa0é\u0663\uff15\u00b2\u2155"  # Arabic-Indic 3, full-width 5, ², ⅕


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_DIGIT_ALPHABET), max_size=20), max_size=6))
def test_a_sentences_digits_are_told_once_as_each_search_finds_them(texts):
    """has_digit keeps its last answer for the same sentence: asked of sentences in turn
    (the same text again, a copy, another one), it answers as ``\\d`` and ``[0-9]`` do."""
    for sentence in [*texts, *texts[::-1], *(t + "" for t in texts)]:
        for _ in range(2):
            assert text_module.has_digit(sentence) == bool(re.search(r"\d", sentence))
            assert text_module.has_ascii_digit(sentence) == bool(re.search(r"[0-9]", sentence))
    assert text_module.has_digit("x1")
    assert not text_module.has_digit("x")


_BEFORE_BLANK_FRAGMENTS = {
    "in", "to", "of", "near", "around", "U.S.", "US", "EU", "Foreign", "foreign", "Australian",
    "overseas", "xin", "_", "S.", "U", " ", "  ", "\n", "\xa0", "\u2003", "\x1c", ",", ".", "-",
    "é", "5", "Beijing", "regulators",
}  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_text(_BEFORE_BLANK_FRAGMENTS, max_size=10))
def test_a_word_before_white_space_is_found_near_it_as_the_search_from_the_start_finds_it(text):
    """actors' 'in Beijing' and 'U.S. regulators' tests look for their word only right before
    the white space before the name; the definition searches the text from its start."""
    for test in (actors._location_before, actors._abroad_before):
        for start in range(len(text) + 1):
            assert test(text, start) == bool(test.pattern.search(text, 0, start)), (text, start)


_CAPTION_FRAGMENTS = {
    "REUTERS/", "Reuters", "(Photo:", "(photo: ", "[File: ", "File photo", "Getty Images", "photo",
    "Photos", "Photo", "photograph", " taken", "is seen", "are pictured", " by", " as", " to",
    "Alibaba", "regulators", "fined", " ", ". ", ", ", "/", "X", "ſ", "é", "2021",
}  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_text(_CAPTION_FRAGMENTS, max_size=10))
def test_furniture_told_a_sentence_carries_no_credit_answers_as_the_full_test(sentence):
    """extract_text tells is_furniture a sentence outside the caption paragraphs carries no
    photo credit; where that holds, the photo verbs alone give the full test's answer."""
    if not furniture._credited(sentence):
        assert furniture.is_furniture(sentence, credited=False) == furniture.is_furniture(sentence)


_DESCRIPTION_FRAGMENTS = {
    "The", "the", "company", "companies", "firm", "start-up", "startup", "start", "up", "app",
    "apps", "group", "giant", "e-commerce", "big", "of", "_", "é", "ſ", "’s", " rivals", " ",
    "\u2003", "\n", "-", ".", ",", "5", "platform", "economy", "Company", "chipmaker", "x",
    "maker", "smartphone",
}  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(_text(_DESCRIPTION_FRAGMENTS, max_size=10))
@example("The start-up said so.")
@example("the e-commerce big firm.")
@example("The company\u2003economy, the app’s rivals")
def test_a_description_of_the_company_has_one_of_the_words_its_gate_needs(sentence):
    """_resolve searches for 'the company' only where the sentence has a description noun
    among its words: every description found has one."""
    if actors._DESCRIPTION.search(sentence):
        assert not actors._DESCRIPTION_WORDS.isdisjoint(tokens(sentence))


class _EveryWord:
    """Stands for a sentence's words when the words are not to decide anything: it holds
    every set of words (``needs <= _EveryWord()`` is true)."""

    def __ge__(self, other):
        return True


_ALIAS_CONTEXT = {
    " ", "\u00a0", ", ", ".", "(", ")", "-", "’", "’s", "'s", "-backed", "the", "The", "é", "İ",
    "\u212a", "_", "/", "@", "fined", "in", "x",
}  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(sorted({
    *(a for a in actors.gazetteer().exact), *actors.gazetteer().lower, *_ALIAS_CONTEXT,
})), max_size=8).map("".join))
def test_the_aliases_found_by_the_words_of_a_sentence_are_all_it_holds(sentence):
    """The gazetteer's aliases are looked for only where the sentence has the words each one
    needs (its last word's lower case, then all its words): the same finds as looking for
    every alias."""
    gaz, words = actors.gazetteer(), tokens(sentence)
    for hay, index in ((sentence, gaz.exact_index), (sentence.lower(), gaz.lower_index)):
        gated = actors._find_phrases(hay, index, words & index.keys(), words)
        assert set(gated) == set(actors._find_phrases(hay, index, index.keys(), _EveryWord()))
