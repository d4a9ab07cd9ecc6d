"""The category taxonomy of events: names and cues, in order of precedence.

The first category whose cue is in the sentence wins; a sentence with none is
``DEFAULT_CATEGORY``. Documented in the README. The chart's colour order and the
filters take the names from here.
"""

from __future__ import annotations

from data.alternation import Alternation

#: The category taxonomy, in order of precedence.
CATEGORIES: tuple[tuple[str, Alternation], ...] = tuple(
    (name, Alternation.of(cue))  # cues are lower case: they search the lower-cased sentence
    for name, cue in (
        ("fine", r"\bfin(?:e|es|ed)\b|\bpenalt|\bpenali[sz]"),
        # "Hong Kong-listed shares" say where shares trade, "listed 16 violations" names
        # things: neither is a listing
        ("IPO and listings", r"\bipo\b|initial public offering|go(?:ing)? public|\blisting\b"
         r"|(?<!-)\blisted\b(?!\s+(?:\d|violations))|\bdelist|market debut"),
        # a stock's or an index's move, or a company's move by a percentage (not its
        # revenue's or profit's)
        ("market value", r"market (?:value|capitali[sz]ation|cap)"
         r"|\b(?:shares?|stocks?|index|adrs?|ads)\b(?:[^.;]|\.(?=\d)){0,80}\b(?:fell|fall(?:s|en)?|plunged?"
         r"|slumped?|tumbled?|slid|slide|sank|dropped|lost|shed|halved|doubled|jumped|rose"
         r"|rallied|surged|soared|gained|\d[\d.]*\s*(?:%|per\s*cent|percent)\s+(?:lower|higher))\b"
         r"|(?<!revenue )(?<!revenues )(?<!profit )(?<!profits )(?<!sales )(?<!income )"
         r"(?<!earnings )(?<!gdp )"
         r"\b(?:fell|plunged|slumped|tumbled|slid|sank|dropped|lost|jumped|rose|rallied|surged"
         r"|soared|gained)\s+(?:as much as |about |almost |nearly |more than |roughly )?"
         r"\d[\d.]*\s*(?:%|per\s*cent|percent)"),
        ("antitrust", r"anti-?trust|monopol|competition|\bacquisitions?\b|\bmergers?\b"),
        ("data and privacy law", r"privacy|personal information|data (?:protection|security)"
         r"|\bpipl\b|\bgdpr\b|credit-scoring|social credit|cybersecurity review"),
        ("content and censorship", r"censor|vulgar|\bcontent\b|propaganda|public opinion"
         r"|app stores?|deepfake|synthetic|rumou?r|misleading|humou?r app"),
        ("US measures", r"\btrump\b|\bbiden\b|\bu\.s\.(?! dollars?\b)|united states|washington"
         # a ban, unless China's state is the one banning
         r"|^(?!.*(?:state council|central committee|communist party|beijing|china['’]s))"
         r".*\bban\b"),
        ("national champions", r"national champion|designated|civil-military|military(?! commission)"
         r"|artificial intelligence|poverty relief|state telecom"),
        ("party control", r"\bparty\b|\bxi\b(?!['’]an)|speech|legislative session|congress|disappeared"
         r"|resurfaced|hiding"),
        ("regulation", r"regulat|rules|law\b|oversight|investigat|probe"),
    )
)  # fmt: skip
DEFAULT_CATEGORY = "other"
#: Every category name, in order of precedence, the default last.
CATEGORY_NAMES: tuple[str, ...] = (*(name for name, _ in CATEGORIES), DEFAULT_CATEGORY)


def category_of(sentence: str) -> str:
    """The first category of the taxonomy whose cue the sentence has.

    >>> category_of("On Friday, China's regulators fined several other large tech companies.")
    'fine'
    >>> category_of("Last October, the government unveiled a draft of the Personal Information Protection Law.")
    'data and privacy law'
    """
    lower = sentence.lower()
    for name, cue in CATEGORIES:
        if cue.search(lower):
            return name
    return DEFAULT_CATEGORY
