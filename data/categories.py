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
        ("fine", r"\bfin(?:e|es|ed)\b(?!-)|\bpenalt|\bpenali[sz]"),  # (not "fine-tuned")
        # "Hong Kong-listed shares" say where shares trade, "listed 16 violations" names
        # things: neither is a listing
        ("IPO and listings", r"\bipo\b|initial public offering|go(?:ing)? public|\blistings?\b"
         r"|(?<!-)\blisted\b(?!\s+(?:\d|violations|companies|firms|shares|stocks|groups|peers"
         r"|rivals|tech))|\bdelist|market debut|last day of trading"
         r"|(?:start|began|begin|starts|begins) trading|\bleave (?:the )?(?:new york|nasdaq|nyse)"),
        # a stock's or an index's move, or a company's move by a percentage (not its
        # revenue's or profit's)
        ("market value", r"market (?:value|capitali[sz]ation|cap)"
         r"|\b(?:shares?|stocks?|index|adrs?|ads)\b(?:[^.;]|\.(?=\d)|(?<=inc|ltd)\.|(?<=corp)\.){0,80}"
         r"\b(?:fell|fall(?:s|en)?|plunged?"
         r"|slumped?|tumbled?|slid|slide|sank|dropped|lost|shed|halved|doubled|jumped|rose"
         r"|rallied|surged|soared|gained|\d[\d.]*\s*(?:%|per\s*cent|percent)\s+(?:lower|higher))\b"
         r"|\b(?:shares?|stocks?|adrs?|ads)\b(?:[^.;]|\.(?=\d)){0,80}\bdown\s+"
         r"(?:about |almost |nearly |more than |roughly )?\d[\d.]*\s*(?:%|per\s*cent|percent)"
         r"|(?<!revenue )(?<!revenues )(?<!profit )(?<!profits )(?<!sales )(?<!income )"
         r"(?<!earnings )(?<!gdp )"
         r"\b(?:fell|plunged|slumped|tumbled|slid|sank|dropped|lost|jumped|rose|rallied|surged"
         r"|soared|gained|falls|sinks|plunges|slumps|tumbles|slides|drops|jumps|rises|surges"
         r"|soars)\s+(?:as much as |about |almost |nearly |more than |roughly )?"
         r"\d[\d.]*\s*(?:%|per\s*cent|percent)"
         r"|\bwiped (?:out|off)|closed (?:lower|higher)|\d%\s+below its"),
        ("antitrust", r"anti-?trust|monopol|competition|\bacquisitions?\b|\bmerg(?:e|er|ers|ing)\b"
         r"|\bexclusiv|block(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){0,2}?links|link-blocking|walled garden"),
        ("data and privacy law", r"privacy|personal information|data (?:protection|security)"
         r"|\bpipl\b|\bgdpr\b|credit-scoring|social credit|cybersecurity (?:review|law)"),
        ("education", r"tutor|after-school|off-campus|double reduction|\bschool subjects?\b"
         r"|education (?:ministry|companies|firms|sector)|ministry of education|curricul"),
        ("gaming", r"\bgam(?:e|es|ing|ers?)\b|video ?games?|play ?time|online play|under-18s|\bplayers?\b.{0,40}\bminors\b"
         r"|\bminors\b.{0,60}\b(?:play|hours)\b|game approvals?|game licen[cs]"),
        # a pledge named for "common prosperity" is one, whatever it will pay for ("gig workers")
        ("common prosperity", r"common prosperity|\bpledg|donat|philanthrop|third distribution"
         r"|social value"),
        # the pay and rights of riders, couriers and drivers, not one quoted
        ("labour", r"\b(?:riders?|couriers?|drivers?|workers?)(?:['’]s?|s['’])?\s+(?:pay|income"
         r"|wages?|rights|insurance|hours|earnings|welfare|protection)|delivery workers"
         r"|gig (?:workers?|economy)|\b996\b|overtime|overwork|minimum wage|labou?r (?:rights|law)"),
        ("content and censorship", r"censor|vulgar|\bcontent\b|propaganda|public opinion"
         r"|app stores?|deepfake|synthetic|rumou?r|misleading|humou?r app|talent shows?"
         r"|\bidols?\b|fan (?:clubs?|culture)|celebrit|entertainment|actress|\bactors?\b"),
        # the US acting, not the US as a place ("in the U.S.", "U.S.-listed")
        ("US measures", r"\btrump\b|\bbiden\b|(?<!in the )\bu\.s\.(?! dollars?\b)(?!-)|united states"
         r"|washington"
         r"|(?<!unreliable )entity list|\bsec\b|\bpcaob\b|holding foreign companies accountable"
         r"|securities and exchange commission"
         r"|\bus (?:securities|commerce|treasury|government|congress|senate|lawmakers|officials"
         r"|regulators|president|administration|sanctions|blacklist|audit|business|operations"
         r"|investors|users|data)|commerce department|\bamerican\b(?! (?:depositary|shares|stocks?|listings?))"
         # a ban, unless China's state is the one banning
         r"|^(?!.*(?:state council|central committee|communist party|beijing|china['’]s|\bchina\b"
         r"|\bregulators?\b|\bauthorit(?:y|ies)\b|cyberspace|ministry))"
         r".*\b(?:ban|bans|banned)\b"),
        # designated a national team or platform: a champion ("designated as unreliable
        # entities" is a blacklist)
        ("national champions", r"national champion|designated\s+(?:as\s+)?(?:an?\s+|the\s+)?(?:national"
         r"|state|open)|civil-military|military(?! commission)"
         r"|artificial intelligence|poverty relief|state telecom"),
        ("party control", r"\bparty\b|\bxi\b(?!['’]an)|speech|legislative session|congress|disappeared"
         r"|resurfaced|hiding"),
        ("regulation", r"regulat|rules|law\b|oversight|investigat|probe|guideline|supervis"
         r"|rectif|summon|called\s+in\b|inspect|\breview(?:s|ed|ing)?\b|\bdraft\b|\bnotice\b|\bordered\b"
         r"|\bordering\b|\bbarred\b"
         r"|crack(?:s|ed|ing)? down|crackdown|clamp|\bhalt(?:s|ed|ing)?\b|sign-ups"
         # China's measures against foreign firms: a blacklist, export controls, trade remedies
         r"|unreliable entit|export controls?|anti-dumping|countermeasure|retaliat"),
    )
)  # fmt: skip
#: Every category's alternatives in one alternation, and each category's bits in it: a
#: sentence's words are looked up once for all the categories, and only the categories
#: that may match are searched.
_ANY = Alternation(*(a for _, cue in CATEGORIES for a in cue.alternatives))
_BITS: tuple[int, ...] = tuple(
    ((1 << len(cue.alternatives)) - 1) << sum(len(c.alternatives) for _, c in CATEGORIES[:i])
    for i, (_, cue) in enumerate(CATEGORIES)
)
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
    kept = _ANY.candidates(lower)
    if kept:
        for (name, cue), bits in zip(CATEGORIES, _BITS, strict=True):
            if kept & bits and cue.search(lower):
                return name
    return DEFAULT_CATEGORY
