"""Crackdown or background: is an event part of the story, or its backdrop?

An event is ``"crackdown"`` when a state actor (Chinese or foreign) acts on tech
companies, their sector or its rules, or when a company or the market responds:
probes, fines, rules, designations, halted listings, app removals, pledges,
lost market value. It is ``"background"`` when it tells history, a biography, a
company milestone with no state action, a statistic or an aside.

One sentence may hold both ("TAL, which listed in New York in 2010, said on
Saturday it would comply with the new rules"), so the decision is made for each
date expression, in its clause first. Strategy, in order (the cue tables below
are the data; the code only weighs them):

1. **History**: a date a decade wide ("the 1980s"), a date ten or more years
   before publication, or a dated past of a person ("a party member since the
   1980s", "was born") is background, whatever else the sentence says.
2. **Clause**: the clause holding the date expression (cut at ``;``, ``:``,
   dashes, ", and", ", which", ", who", ", while", " after "...). The cue nearest
   the date expression decides: a crackdown cue (state action, a response, the
   market) or a background cue (a milestone, a statistic, an aside).
3. **Sentence**: the same over the whole sentence, if the clause has no cue, leaving out
   the relative clauses the date is not in (", which were worth $1.3 trillion in January,")
   and, in the writer's "we", the clauses of another time ("we sold in July, before the
   guidelines"). A sentence in the author's own voice ("I moved to Shanghai in 2015") is
   background unless its clause, or a "when" clause right after it, has a crackdown cue
   ("I read Ma's speech"); so is a line wholly in parentheses, the writer's aside
   ("(This month's theme: ...)").
4. **Actors**: a sentence naming a state actor is crackdown. Without one, a
   vague date ("For years", "Recently") is background, an exact one crackdown:
   when in doubt an exact event stays visible (hiding a crackdown event costs a
   reader more than showing one line of backdrop).

An undated statement has no date to be near: a crackdown cue anywhere in it wins ("IPO
suspended after regulators summon Ma" is a state act, whatever comes first), a
background cue alone makes it background, and otherwise it is crackdown.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from data.alternation import Alternation
from data.records import Precision

CRACKDOWN = "crackdown"
BACKGROUND = "background"

#: Precisions too wide to date a crackdown step: history.
HISTORY_PRECISIONS = frozenset({Precision.DECADE})
#: A date this many years (or more) before publication is history.
HISTORY_YEARS = 10
#: When the campaign began (Ant's listing halted, November 2020): in an article written since,
#: an event of a year before it that neither a cue nor a state actor ties to the state is a
#: company's or a country's history, not a step of the crackdown.
CAMPAIGN_START = date(2020, 11, 1)


def _cues(*words: str) -> Alternation:
    return Alternation(*words, flags=re.IGNORECASE)


#: A clause dating someone's past: always background.
HISTORY_CUES = _cues(
    r"\b(?:party\s+members?|member\s+of\s+the\s+(?:chinese\s+)?(?:communist\s+)?party)\b",
    r"\bwas\s+born\b", r"\bgrew\s+up\b", r"\bcultural\s+revolution\b",
)  # fmt: skip

#: State action, a company's response or the market's: crackdown.
CRACKDOWN_CUES = _cues(
    # a state campaign "launched" is an act, not a company milestone (first: longest)
    r"\blaunch(?:ed|es)?\s+(?:an?\s+|the\s+|its\s+)?(?:\S+\s+){0,3}?(?:operation|campaign"
    r"|crackdown|probe|investigation|review|inspection|special\s+action"
    r"|(?<!subsidy\s)(?<!subsidies\s)(?<!sales\s)(?<!marketing\s)(?<!hiring\s)drive)\b",
    # a published rule ("the draft rules were published") is no book coming out
    r"\b(?:rules?|draft|regulations?|guidelines?|measures|laws?|notice|list|decisions?|opinions?"
    r"|standards?|policy|policies)\b[^.;]{0,40}?\b(?:was|were|is|are|will\s+be|to\s+be|be|been)"
    r"\s+published\b",
    # a fine's base ("equal to 4% of its 2019 sales", "a fine of 3% of its revenue in 2020") is
    # part of the fine (first: longest); set against cash or market value it is a statistic
    r"\b(?:fine[ds]?|penalty)\b[^.;]{0,40}?\b(?:(?:equal|equivalent)\s+to|equals|amounts?\s+to"
    r"|represents|of)\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:revenues?|sales|turnover|income)\b"
    r"(?:[^.;,]|[.,](?=\d))*",
    # an act on a listing ("halted the group's Hong Kong listing") is no listing milestone
    # (whole verb forms, so the alternation looks for them and not for "stop" or "call")
    r"\b(?:halts|halted|suspends|suspended|blocks|blocked|cancels|cancelled|canceled|stopped"
    r"|shelved|postponed|delayed|scrapped|pulled|called\s+off|froze|frozen)\s+"
    r"(?:[\w$.'’-]+\s+){0,5}?(?:listings?|IPOs?|debut|share\s+sales?|offerings?)\b",
    # a listing called off, halted or suspended: the state's doing (first: at the same start
    # as the milestone "IPO" it wins the tie); a listing axed, quashed or scrapped
    r"\b(?:IPO|listing|offering|debut|flotation)s?\s+(?:(?:was|were|is|has\s+been|had\s+been)\s+)?"
    r"(?:called\s+off|halted|suspended|pulled|scrapped|shelved|postponed|cancell?ed|blocked)\b",
    r"\bax(?:e|ed|es|ing)\b", r"\bquash(?:ed|es|ing)?\b", r"\bscrap(?:s|ped|ping)?\b",
    # a company leaving a stock market is delisting, not a person leaving a job
    r"\b(?:left|leave|leaves|leaving)\s+(?:the\s+)?(?:New\s+York|Wall\s+Street|Nasdaq|NYSE|US\s+markets?|(?:New\s+York|Nasdaq"
    r"|US|American)\s+(?:stock\s+)?(?:exchanges?|markets?))\b",
    # a 1% stake is a golden share, whatever the buying entity is called (first: longest)
    r"\b(?:acquired|acquires|took|takes|bought|buys|purchased)\s+(?:a\s+)?(?:1|one)\s*(?:%|per\s*cent"
    r"|percent)\s+stake\b",
    # a state-owned buyer taking part of a platform ("golden shares"), a company caught in a
    # campaign (not one "becoming popular"), a speech at a summit (not the summit)
    r"\bstate-(?:owned|backed|run|controlled)\b[^.;]{0,60}?\b(?:bought|buys?|acquired"
    r"|acquires|took|takes|purchased)\b",
    r"\bbec(?:ame|ome|omes)\s+(?:one\s+of\s+)?(?:the|an?)\s+(?:[\w-]+\s+){0,3}(?:caught|targeted"
    r"|targets?|victims?|casualt(?:y|ies))\b",
    r"\bspeech\s+(?:at|to|before)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}(?:summit|forum"
    r"|conference|festival|ceremony)\b",
    # a company's people detained or arrested: an act on the company (longer than the
    # background "detained" of a person's own arrest, so it wins where both are read)
    r"\b(?:detain(?:s|ed|ing)?|arrest(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,3}?(?:staff|employees?"
    r"|executives?|managers?|workers?)\b",
    r"\b(?:staff|employees|executives|managers|workers)\s+(?:[\w-]+\s+){0,3}?(?:were|was|had\s+been"
    r"|have\s+been)\s+(?:arrested|detained|taken\s+into\s+custody)\b",
    # a founder giving up control of the company: a restructuring the campaign asked for
    r"\b(?:ced(?:e|es|ed|ing)|relinquish\w*|gave\s+up|give\s+up|giving\s+up|no\s+longer"
    r"\s+(?:holds?|held|has|had))\s+(?:\w+\s+){0,2}?(?:control|controlling)\b",
    # enforcement
    # ("fine" not "fine-tuning")
    r"\bfin(?:e|es|ed|ing)\b(?!-)", r"\bpenalt", r"\bprobes?\b", r"\binvestigat", r"\breviews?\b",
    r"\banti-?trust\b", r"\bmonopol", r"\bsummon", r"\brectif", r"\bcrack(?:ed|s|ing)?\s*down",
    r"\bclamp(?:ed)?\s*down", r"\bcurbs?\b", r"\bbann?(?:ed|ing|s)?\b", r"\bbarred\b",
    r"\bsuspen(?:d|ds|ded|ding|sion)\b", r"\bcancel(?:s|led|ed|ling|ing|lation)?\b",
    r"\bcall(?:s|ed|ing)?\s+off\b", r"\bshelv(?:e|es|ed|ing)\b", r"\bpostpon",
    r"\bfr(?:eeze|oze|ozen)\b", r"\bhalt(?:ed|s)?\b", r"\bblock(?:ed|s|ing)?\b",
    r"\bthwart", r"\bscuttl", r"\bderail", r"\btorpedo",
    r"\border(?:ed|s)?\b", r"\bremov(?:e|ed|al)\b", r"\bpulled\b", r"\bdelist", r"\bcensur",
    r"\bcensor", r"\bscrutin", r"\bviolat(?:e|es|ed|ing|ions?)\b", r"\bbreach(?:es|ed)?\b",
    r"\billegal", r"\bunlawful", r"\bdeadline\b", r"\btighten", r"\bpunish", r"\brestrict",
    r"\blicen[cs]",
    r"\bapprov", r"\benforce", r"\bsanction", r"\bentity\s+list\b", r"\bblacklist",
    r"\bdesignat", r"\bsupervis", r"\boverhaul", r"\brestructur", r"\bexecutive\s+order",
    r"\bgolden\s+share", r"\bcleared\b", r"\btariffs?\b", r"\bcontrols\b",
    r"(?<!market\s)\bcap(?:s|ped)?\b",  # a cap set on play or fees (not a market cap)
    # rules
    r"\bdraft\b", r"\bregulat", r"\brules?\b", r"\blaws?\b", r"\bguidelines?\b", r"\bact\b",
    r"\bmeasures\b", r"\bpolicy\b", r"\btook\s+effect\b", r"\btake\s+effect\b",
    r"\bin\s+force\b", r"\bcame\s+into\s+force\b", r"\bcampaign\b",
    # the state speaking
    r"\bspeech\b", r"\bcommuniqu", r"\bcalled\s+(?:for|on)\b", r"\bwarn(?:ed|s|ings?)?\b",
    r"\bcall(?:s|ed|ing)?\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:platforms|companies|firms"
    r"|executives|bosses|groups)\b",  # a summons: "called in the delivery platforms"
    r"\blook(?:s|ed|ing)?\s+into\b",  # "would look into a merger": an inquiry
    # (the state's criticism, not a storm of it online)
    r"\bcriticis(?!m\s+(?:online|from\s+(?:the\s+public|users|netizens|staff|employees)))",
    r"\bcriticiz(?!m)", r"\battack", r"\bmocked\b", r"\bdisappear", r"\bout\s+of\s+sight",
    # responses ("promised for next spring" is a schedule, not a pledge); restrictions a company
    # imposes ("can no longer buy", "limited to one hour a day")
    r"\bpledg", r"\bvow", r"\babid(?:e|ed)\s+by\b", r"\bpromis(?!ed\s+for\b)",
    r"\b(?:can|could|may|will)\s+no\s+longer\b",
    r"\bmust\s+(?:\w+\s+)?(?:file|register|obtain|apply|submit|report|pass|undergo|stop|end"
    r"|comply)\b",  # an obligation a rule imposes
    r"\blimit(?:s|ed|ing)?\s+to\s+(?:[\w.-]+\s+){0,2}?(?:hours?|minutes?|days?|times?|per)\b",
    r"\bcompl(?:y|ied|iance)\b", r"\bset\s+aside\b",
    r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+){0,4}(?:debut|listing|list|go\s+public|IPO)\b",
    r"\boperation\b", r"\binspection", r"\bspecial\s+action\b",
    r"\bcommon\s+prosperity\b", r"\bquit\s+the\b", r"\bdelay", r"\bplan\b",
    r"\bfor\s+the\s+last\s+time\b", r"\blast\s+day\s+of\s+trading\b", r"\bover\s+the\s+counter\b", r"\bin\s+disarray\b", r"\bpressure\b",
    r"\bin\s+response\s+to\b",
    # the market
    r"\binvestors?\b", r"\bsell-?off\b", r"\brout\b", r"\bdumped\b", r"\bwip(?:e|ed|es|ing)\b",
    r"\berased?\b", r"\b(?:lost|lose|loses|shed|shrunk|shrank|halved)\b",
    r"\b(?:shares?|stocks?|index|ADRs?)\b[^.;]{0,60}?\b(?:fell|fall|falls|plunged?|slumped?|tumbled?"
    r"|sank|dropped|jumped|rose|soared|doubled|slid|slide|sliding|slump(?:ed)?)\b",
    # a stock down so much ("Close: New Oriental down 40.6% today"); not results ("Profits were
    # down 12%")
    r"(?!(?:revenues?|profits?|sales|earnings|income|gdp|exports|output|spending)\b)"
    r"(?:(?-i:[A-Z])[\w.'’-]*|shares?|stocks?|ADRs?|index)\s+(?:(?:is|was|were|are|closed|ended"
    r"|finished)\s+)?down\s+"
    r"(?:about\s+|nearly\s+|more\s+than\s+|almost\s+|roughly\s+)?[\d.]+\s*(?:%|per\s*cent)",
    # a fall from a peak ("down by about half from its February high"): the peak is its measure
    r"\bdown\s+(?:by\s+)?(?:about\s+|nearly\s+|more\s+than\s+|almost\s+)?(?:half|a\s+third"
    r"|a\s+quarter|two-thirds|[\d.]+\s*(?:%|per\s*cent))\s+from\s+(?:its|their|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:high|peak|record)s?\b",
)  # fmt: skip

#: Milestones, biographies, statistics and asides: background when nearer.
BACKGROUND_CUES = _cues(
    # company milestones
    r"\bfounded\b", r"\bco-?founded\b", r"\blaunched\b", r"\brelaunch(?:ed|es)?\b",
    r"\bspun\s+off\b",
    r"\bwent\s+public\b", r"\blist(?:s|ed)\s+(?:in|on)\b",
    # not "listed Tencent as …" (a blacklist's verb) nor "a listed company" (an adjective)
    r"(?<!-)\blisted\b(?!\s+(?:\d+|violations|(?-i:[A-Z])|(?:compan(?:y|ies)|firms?"
    r"|entit(?:y|ies)|groups?|peers|rivals)\b))",
    r"\b(?:its|their)\s+(?:\w+\s+){0,3}(?:listing|IPO|debut)\b(?!\s+(?:hearing|committee"
    r"|rule))", r"\bIPO\b", r"\bdebut\b",
    # a listing as a milestone: added, held, sought, restarted ("sought to delay its listing"
    # is no milestone), or a timeline line naming where: "… – Nasdaq listing."
    # ("companies seeking a listing" are a class a rule names: finite verbs only; a "listing
    # hearing" or "listing rules" is the state's)
    r"\b(?:add|adds|added|seek|seeks|sought|complet(?:e|es|ed)|pursu(?:e|es|ed))\s+"
    r"(?:(?!to\s)[\w$.'’-]+\s+){0,4}?listings?\b(?!\s+(?:hearing|committee|rule))",
    # (one alternative a verb: an alternation would share out their "re" and look for "sum")
    *(rf"\b{verb}\w*\s+(?:[\w$.'’-]+\s+){{0,4}}?(?:listing|IPO|share\s+sale|offering)s?\b"
      for verb in ("restart", "resum", "reviv", "relaunch")),
    r"\b(?:had|has|have)\s+(?:an?|its|their)\s+(?:[\w-]+\s+){0,2}?listings?\b(?!\s+(?:hearing"
    r"|committee|rule))",
    r"[–—:-]\s+(?:(?:an?|the|its|their)\s+)?(?:(?-i:[A-Z])[\w.'’-]*\s+){0,2}(?:listing|IPO|debut"
    r"|flotation)s?\.?\s*$",
    r"\bby\s+way\s+of\s+introduction\b",
    # money raised, with where or how: "raised $4.4 billion in New York"
    r"\brais(?:e|es|ed|ing)\s+(?:about\s+|nearly\s+|more\s+than\s+)?(?![“\"‘'])\S*\d\S*(?:\s+(?:million"
    r"|billion|yuan|dollars))*(?:\s+in\s+(?:New\s+York|Hong\s+Kong|Shanghai|Shenzhen))?",
    r"\b(?:largest|biggest)\s+(?:[\w.-]+\s+){0,3}(?:listing|offering)s?\b",  # a record
    r"\braise[sd]?\b(?!\s+(?:the\s+)?(?:stakes|concerns?|questions?|fears?|doubts?|alarm|risks?"
    r"|issues?|matter|objections?|complaints?)\b|\s+[“\"‘'])",  # (an issue raised: no money)
    r"\bshare\s+sale\b", r"\boversubscribed\b", r"\bpurchase\b",
    r"\bacquired\b", r"\bbought\b", r"\bbecame\s+(?:popular|a|one)\b", r"\bgrew\s+(?:out|into)\b",
    r"\bamassed\b", r"\bsplit\s+into\b", r"\bspun\s+out\b", r"\bmerged\s+with\b",
    r"\btook\s+the\s+name\b", r"\brenamed\b", r"\brebrand", r"\bpriced\b",
    r"\b(?:start|starts|started|starting|begin|begins|began|begun|beginning|commenc\w*)\s+trading\b",
    r"\bsold\s+(?:its|their)\s+shares\b", r"\bholiday\b",
    r"\b(?:was|were|is|are)\s+closed\s+(?:today\s+|tomorrow\s+)?(?:for|on)\b",
    r"\b(?:into\s+custody|arrested|detained)\b",
    r"\bcriminal\s+coercive\s+measures\b",  # detention, not rules
    r"\d[\d,]*\s+(?:[\w-]+\s+){0,2}(?:companies|firms|apps|accounts)\s+(?:were|had\s+been)\b",
    r"\b(?:GDP|economic)\s+growth\b", r"\byear[\s-]on[\s-]year\b",
    # prices, retail sales and inflation: statistics of the economy
    r"\b(?:consumer|producer|factory-gate)\s+prices?\b", r"\b(?:CPI|PPI)\b", r"\bretail\s+sales\b",
    r"\b(?:inflation|deflation)\b", r"\bgrowth\s+target\b",
    # a company's results as figures ("reported a net loss of …", "its first quarterly loss")
    r"\bnet\s+(?:loss|losses|profit|income)\b",
    r"\b(?:quarterly|annual|operating|full-year)\s+(?:net\s+)?(?:loss|losses|profit)\b",
    # a company entering a business, or paying subsidies of its own: its own moves
    r"\bent(?:er|ers|ered|ering)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:market|business|industry|sector"
    r"|delivery|fray)\b",
    r"\bof\s+subsidies\s+for\b",
    # a person's own purchase ("she booked a room", "he bought a ticket"): a case's facts
    r"\b(?:she|he|I|we)\s+(?:(?:had|then|also)\s+)?(?:booked|bought|purchased|paid\s+(?=\S*\d))",
    # a law in force since a day gone by: its history (longer than the "in force" it holds)
    r"\b(?:has|have|had)\s+(?:been\s+in\s+(?:force|effect)|applied)\s+since\b",
    # when news was first reported; a sector's market growing or shrinking; a holder selling
    # shares (a fall "since their peak" stays the crackdown's: the lists say so)
    r"\b(?:was|were)\s+first\s+reported\b",
    r"\bmarket\s+(?:shrank|grew|expanded|contracted)\b",
    r"\b(?:sell|sells|sold|selling)\s+(?:[\w.$-]+\s+){0,3}?(?:ADRs|ADSs|shares)\b",
    # the day a show was recorded
    r"\b(?:recorded|taped|filmed)\s+(?:on|in|at|this|last)\b",
    # the deal a fine was for ("fined over its investment in X in 2018", "for taking over X")
    r"\b(?-i:i)nvestment\s+in\b", r"\btaking\s+over\b",  # (not "Foreign Investment in the
    # United States", a committee's name)
    r"\d\s+(?:million|billion|thousand|m|bn)\s+(?:[\w-]+\s+){0,2}(?:users|subscribers|customers"
    r"|buyers|shoppers|sellers)\b", r"\bheadquartered\b", r"\bgraduated\b",
    r"\bjoined\s+(?-i:[A-Z])",
    r"\bstep(?:s|ped|ping)?\s+down\b", r"\bquit\s+as\b", r"\bleft\s+(?-i:[A-Z])",
    r"\b(?:take|takes|took|taking) over as\b",  # (spaces written: the alternation asks for them)
    # a leader's career: "began his second term", "took the reins of power"
    r"\b(?:began|begin|begins|started|start|starts)\s+(?:his|her|a)\s+(?:(?:first|second"
    r"|third|fourth|new)\s+)?(?:five-year\s+)?term\b",
    r"\b(?:took|take|takes|taking)\s+(?:over\s+)?the\s+reins\b",
    r"\bgave\s+up\s+(?:the|his|her|its)\s+(?:[\w'’-]+\s+){0,2}?(?:top\s+job|job|role|post|title"
    r"|chairmanship|chair|seat|position|reins|helm)\b",
    r"\bhand(?:ed|s|ing)?\s+(?:over\s+)?(?:the|his|her|its)\s+(?:[\w'’-]+\s+){0,3}(?:job|role|post"
    r"|title|reins|chairmanship|helm)\b",
    r"\bhand(?:ed|s|ing)?\s+over\s+to\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+)?successor\b",
    # a company's own reorganisation, told as done ("reorganised its e-commerce arm"; not one
    # it is told "to reorganise")
    r"\breorgani[sz](?:ed|es|ing)\s+(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}(?:operations"
    r"|business(?:es)?|arms?|units?|divisions?|structure)\b",
    # a shop opened; orders a business fulfils (not a state's orders)
    r"\bopen(?:ed|s|ing)?\s+(?:a|an|its|their|his|her)\s+(?:new\s+|first\s+|flagship\s+)?"
    r"(?:[\w-]+\s+)?(?:store|shop|showroom|outlet)s?\b",
    r"\bfulfill?(?:s|ed|ing)?\s+(?:[\w-]+\s+)?orders\b",
    r"\bturn(?:s|ed)?\s+\d{2,3}\b", r"\bbirthday\b",
    *(rf"\b{verb} in\b" for verb in ("living", "lived", "lives")),  # where someone lives
    # the outlet's own schedule: its next show, issue or webinar
    r"\bsee\s+you\b", r"\bnext\s+(?:webinar|episode|issue|edition|newsletter|show|podcast"
    r"|instal?ment|forum)\b", r"\bwebinar\b", r"\btown[\s-]hall\b",
    # a service's own count ("gave 196,000 rides in the first quarter")
    r"\d[\d,.]*\s+(?:million\s+|thousand\s+)?(?:rides|trips|deliveries|downloads)\b",
    # a company's own capital moves: money spent on a plant of its own ("would spend about $15
    # billion ... on a new memory-chip factory")
    r"\b(?:spend|spends|spent|spending|invest|invests|investing)\s+(?:about\s+|nearly\s+|more\s+than\s+"
    r"|some\s+|up\s+to\s+)?\S*\d[^.;]{0,80}?\b(?:factory|factories|plant|plants|fab|fabs|campus"
    r"|facility|facilities|data\s+cent(?:re|er)s?)\b",
    # a company's own capital moves
    r"\bbuy(?:ing)?\s*-?\s*back\b", r"\bbought\s+back\b", r"\bbuybacks?\b", r"\brepurchas",
    # its deals told as history: money put into another company, a buyout, a bid to take one
    # private, an agreement to buy ("ordered it to unwind its acquisition" stays the state's)
    r"\binvested\s+(?:about\s+|nearly\s+|more\s+than\s+|some\s+)?\S*\d", r"\bbuy-?outs?\b",
    r"\b(?:take|takes|took|taking|taken)\s+(?:[\w'’-]+\s+){0,3}?private\b",
    r"\bprivati[sz](?:e|es|ed|ing|ation)\b",
    r"\bagreed\s+(?:[\w,]+\s+){0,4}?to\s+(?:buy|acquire)\b", r"\bwould\s+(?:buy|acquire)\b",
    r"\bcomplet(?:e|es|ed)\s+(?:its|their|the|a)\s+(?:[\w$.'’-]+\s+){0,3}?(?:acquisition|takeover"
    r"|purchase|merger)\b",
    # the day a deal was announced ("a merger between Huya and DouYu announced in October",
    # "The deal, announced in August,"): the deal's history
    r"\b(?:merger|deal|acquisition|takeover|tie-up|buyout)s?\b(?:[^.;]|\.(?=\d)){0,80}?\bannounced\b",
    r"\bacquisitions?\s+of\b",  # the deal itself ("ordered it to unwind its acquisition":
    # the order is nearer its date)
    # a state body's own history: when it was set up, what it took over from
    r"\bset\s+up\s+in\b", r"\b(?:was|were)\s+(?:set\s+up|established|created|formed)\b",
    r"\bestablished\s+in\b",
    # (the verb written with its space, so the alternation looks for "took over", not the body)
    r"\b(?:regulator|agency|administration|ministry|commission|bureau|watchdog)\s+took over\b"
    r"(?!\s+from)",
    r"\b(?:regulator|agency|administration|ministry|commission|bureau|watchdog)\s+took charge\b",
    # a fund's own performance (its "lost" is no market verdict), its size, a compiler's
    # note, a reference centuries back
    r"\b(?:the|our|its|this|a)\s+(?:[\w-]+\s+)?fund\s+(?:lost|gained|returned|rose|fell|dropped"
    r"|slid)\b",
    r"\b(?:net\s+assets|assets\s+under\s+management)\b", r"\bcompiled\s+from\b",
    r"\b(?:[a-z]+|\d+(?:st|nd|rd|th))-century\b",
    r"\b(?:replaced|took\s+over\s+from|succeeded)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}"
    r"(?:regulator|commission|agency|bureau|ministry|administration|watchdog)\b",
    # statistics and the economy
    r"\bthe\s+number\s+of\b",
    # (blind 16) official data that "showed"; a share of a market that slipped or rose to a
    # percentage ("share" alone: not "shares fell"); a record hit; money lent or handled
    r"\b(?:data|figures|statistics)\s+(?:(?:released|published)\s+[^.;]{0,30}?)?show(?:ed|s)?\b",
    r"\b(?-i:share)\s+(?:of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3})?(?:had\s+|has\s+)?(?:already\s+)?"
    r"(?:[a-z]+ly\s+)?(?:slipped|fell|fallen|dropped|rose|risen|climbed|grew|grown|reached|stood)"
    r"\s+(?:to|at)\s+(?:about\s+|nearly\s+|some\s+|around\s+|almost\s+)?(?:[\d.]+\s*(?:%"
    r"|per\s*cent)|zero\b|nil\b|nothing\b)",
    r"\b(?:purchasing\s+managers['’]?\s+index|PMI|factory\s+activity|industrial\s+output)\b"
    r"(?:\s+(?:\w+\s+)?(?:shrank|grew|expanded|contracted|slowed|rose|fell)\b)?",
    r"\b(?:computing\s+power|hash\s*rate)\b",
    r"\b(?:hit|hits|reached|set)\s+(?:a\s+)?(?:new\s+|fresh\s+|all-time\s+)?record\b",
    r"\brecord\s+high\b",
    r"\b(?:lent|loaned|handled|processed)\s+(?:about\s+|more\s+than\s+|over\s+|nearly\s+|some\s+)?"
    r"\S*\d\S*(?:\s+(?:million|billion|trillion|thousand|yuan|dollars|orders|transactions"
    r"|payments|parcels))*",
    # a debut's first day of trading, a launch event, money put into another company
    # (not the first trading day "after" an order, nor money put into causes)
    r"\bfirst\s+(?:trading\s+)?day\b(?!\s+(?:back|after|since|following)\b)",
    r"\blaunch\s+(?:event|ceremony)\b",
    r"\bput\s+(?:a\s+reported\s+|about\s+|some\s+|more\s+than\s+|nearly\s+)?\S*\d[^.;]{0,30}?"
    r"\binto\s+(?:(?-i:[A-Z])|(?:the|a|an)\s+(?:[\w-]+\s+)?(?:start-?up|company|firm|venture))",
    # a company folding units into itself; an exchange accepting an application
    r"\bfold(?:ed|s|ing)?\s+(?:[\w'’.-]+\s+){1,6}?into\s+(?:itself|themselves)\b",
    r"\baccept(?:ed|s)?\s+(?:[\w'’.-]+\s+){0,4}?(?:application|filing|prospectus)\b",
    # (blind 17) a market's own hours ("Hong Kong reopens today", "closes at noon on Friday";
    # not its close "3% lower"; a holiday's name is a date, no cue); a person joining a company; a
    # committee's own meetings and rebalancing; a deal signed; a purchase; exams
    r"\b(?:Hong\s+Kong|markets?|exchanges?|bourses?)\s+(?:re)?(?:opens?|closes?)\b"
    r"(?!\s+(?:down|up|higher|lower|flat|at\s+\d|[\d.]+\s*(?:%|per)))",
    r"\bjoined\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|bank|platform|start-?up)\b",
    r"\bnext\s+(?:scheduled\s+|regular\s+)?meeting\b", r"\bcalled\s+the\s+meeting\b",
    r"\brebalanc",
    r"\bsigned\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,2}?(?:merger|acquisition|takeover"
    r"|purchase|sale)\s+(?:agreement|deal|contract)\b",  # (not regulators' "an agreement")
    r"\bexams?\b",
    # a purchase told by its verb ("since buying China Music in 2016"); a shop's price, a small
    # sum with no scale ("offered a kilo of apples for 2.99 yuan")
    r"\bbuying\s+(?-i:[A-Z])",
    r"\bfor\s+(?:just\s+|only\s+|as\s+little\s+as\s+)?\d[\d.]*\s*(?:yuan|cents?|fen)\b",
    # the weather (a bulletin's), a death, a worker fired, the Olympics
    r"\b(?:weather|forecast|monsoon|temperatures?|showers|humidity|sunshine)\b",
    r"\b(?:died|deaths?|suicide)\b", r"\btook\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b",
    r"\b(?:had\s+been|has\s+been|was|were|been)\s+(?:fired|dismissed|sacked)\b",
    r"\bOlympics?\b",
    # (an "earnings call" is where a company speaks, not its figures)
    r"\b(?:revenues?|sales|profits?|earnings(?!\s+calls?\b)|spending)\b(?!\s+to\b)"
    r"(?!\s+for\s+(?!(?:the|its|their)\s+(?:quarter|year|period|half|first|second|third|fourth"
    r"|three|six|nine|twelve|fiscal|full)\b))"
    r"(?<!for-profit)",
    r"\d\s+(?:(?:million|billion|thousand|m|bn|average|monthly|daily|weekly|annual|active"
    r"|registered|paying|mobile)\s+){0,4}"
    r"(?:users|subscribers|customers|buyers|shoppers|sellers|employees|merchants|drivers)\b",
    r"\b(?:MAU|DAU)s?\b",
    r"\b(?:monthly|daily|weekly|annual)\s+(?:active\s+|paying\s+|transacting\s+)?(?:users|accounts|consumers"
    r"|buyers|customers|shoppers|players|subscribers|orders)\b",
    # orders counted in millions, a workforce or headcount: a business's size
    r"\d\s+(?:million|billion|thousand|m|bn)\s+(?:[\w-]+\s+)?orders\b",
    r"\b(?:workforce|headcount)\b",
    # a company's cash, its holdings, a new line of business, a following
    r"\bcash\s+(?:and|pile|reserves?|balance|holdings?|position|flows?)\b", r"\bnet\s+cash\b",
    r"\bshort-term\s+investments\b",
    r"(?<!-)\b(?:owns|owned)\s+(?:\w+\s+){0,2}?(?:[\d.]+\s*(?:%|per\s*cent)|third|quarter|half)",
    r"(?:%|\bper\s*cent|\bpercent)\s+of\s+(?:[\w.'’-]+\s+){1,3}?(?:owned|held)\b",
    r"\b(?:start|starts|started|began|begin|begins)\s+(?:selling|offering|making|producing"
    r"|exporting|shipping)\b", r"\bwent\s+viral\b",
    r"\baccounted\s+for\b", r"\b(?:economy|GDP)\b[^.;]{0,30}?\b(?:expanded|grew|shrank|rebounded|slowed|contracted)\b",
    r"\bunemployment\b", r"\b(?:backlash|outcry)\b",  # a public mood
    r"\b(?:was|were)\s+worth\b", r"\btopped\b", r"\bvaluations?\s+of\b", r"\bvalued\s+at\b", r"\borders\s+worth\b", r"\bresults\b",
    r"\bcovid", r"\bpandemic\b", r"\blockdown\b",
    # ceremonies, diplomacy, asides
    r"\bcentenary\b", r"\banniversary\b", r"\bcelebrat", r"\bsummit\b", r"\bstory\b",
    r"\bhistory\b", r"\bwe\s+(?:wrote|reported|said|noted)\b", r"\bput\s+it\s+to\s+(?:me|us)\b",
    r"\bcovered\s+the\b", r"\bfestival\b",
    # a shopping day (not one a state act comes "ahead of")
    r"(?<!ahead\sof\s)(?<!before\s)(?<!after\s)\b(?:singles['’]?\s+day|double\s+(?:11|eleven))\b",
    # leaders meeting: diplomacy, not a regulator meeting platforms
    r"\b(?:meeting|summit|call|talks)\s+between\s+(?:(?:the\s+)?two\s+)?(?:presidents|leaders"
    r"|heads\s+of\s+state|(?:President\s+)?Xi(?:\s+Jinping)?\s+and)\b",
    # a results call's own moments: held (what is said on it is its own event), its webcast
    # and replay, "today's session"
    *(rf"\b(?:hold|holds|held|host|hosts|hosted)\s+(?:an?|its|the)\s+{kind} call\b"
      for kind in ("conference", "earnings", "results", "investor")),
    r"\bwebcasts?\b", r"\breplay\b",
    *(rf"\b{day}{mark}s\s+(?:[\w-]+\s+){{0,3}}?(?:call|session|webcast|briefing)\b"
      for day in ("today", "tonight") for mark in "'’"),
    # nothing happening, a book's own life, a publication's own last issue
    r"\bnothing\s+(?:new|happened|to\s+report)\b", r"\bno\s+news\b",
    r"\b(?:was|were|is|are|will\s+be|be|been)\s+published\b",
    r"\b(?:reached|hit|arrived\s+in)\s+(?:the\s+)?(?:shops|shelves|bookshops|bookstores|stores)\b",
    r"\b(?:paperback|hardback|hardcover|epilogue)\b",
    r"\b(?:last|this|next|previous)\s+(?:week|month|year|issue)['’]s\s+(?:calendar|newsletter|issue"
    r"|edition|column|round-?up|podcast|episode)\b",
    # the political calendar: an inauguration, a market's opening hours
    r"\bsworn\s+in\b", r"\binaugurat(?:e|ed|es|ion)\b", r"\boath\s+of\s+office\b",
    r"\bmarkets?\s+(?:are|is|will\s+be|remain)\s+(?:open|closed|shut)\b",
    # an institution's own history
    r"\bdat(?:es|ed|ing)\s+(?:back\s+)?(?:from|to)\b",  # (the verb: not "the date from which")
    # a company's own moves: a product released, spending planned, a spin-off, a subsidy
    # drive, coupons, a shopping festival
    r"\b(?:models?|apps?|chatbots?|phones?|chips?|products?|cars?|vehicles?|games?)\b,?\s+"
    r"(?:(?:was|were|is|are|had\s+been)\s+)?(?:released|launched|unveiled|introduced)\b",
    r"\b(?:released|launched|unveiled|introduced)\s+(?:its|their|a|an|the)\s+(?:[\w’'-]+\s+){0,5}?"
    r"(?:models?|apps?|chatbots?|phones?|chips?|products?|cars?|vehicles?)\b"
    r"(?!\s+(?:[\w-]+\s+)?(?:Act|Bill|Law)\b)",  # (not a bill: "the Chip Security Act")
    r"\bspend\s+(?:more\s+than\s+|at\s+least\s+|about\s+|nearly\s+|some\s+|up\s+to\s+|over\s+)?"
    r"\S*\d\S*(?:\s+(?:million|billion|trillion|yuan|dollars))*(?:\s+\([^)]*\))?\s+on\s+"
    r"(?:[\w-]+\s+){0,3}?(?:AI|artificial|cloud|computing|infrastructure|data\s+cent|chips"
    r"|research)",  # capital spending: "spend 380 billion yuan on cloud computing"
    r"\bspin(?:s|ning)?\s+off\b", r"\bspin-?offs?\b",
    r"\bsubsid(?:y|ies)\s+(?:drive|campaign|programme|program|scheme|blitz|push)s?\b",
    r"\bcoupons?\b", r"\b618\s+(?:sales?|festival|shopping|promotions?)\b",
    # macro policy, a count of firms
    r"\bmonetary\s+policy\b", r"\binterest\s+rates?\b", r"\bstimulus\b",
    r"\d\s+(?:million|billion|thousand)\s+(?:[\w-]+\s+){0,3}?(?:enterprises|companies|firms"
    r"|businesses)\b",
)  # fmt: skip

#: The date a superlative is measured from ("its biggest fall since Oct. 8", "the weakest
#: level since Dec. 2") is no event, unless a "when"
#: clause tells what happened then ("the first such list since July, when the regulator
#: issued its last batch").
#: ("The first approvals since last July" tells when they stopped: the lists count it an event.)
_MEASURED_FROM = re.compile(r"\b(?:\w+est|worst|best)\s+(?:[\w-]+\s+){0,3}?since\s+"
                            # or from a thing of its own: "since it listed in 2004", "since its
                            # 2004 listing"
                            r"(?:(?:it|they|its|their)\s+(?:[\w-]+\s+){0,5}?)?$",
                            re.IGNORECASE)
_WHEN_AFTER = re.compile(r"\s*,\s*when\b")
#: Right before a date a figure is compared with ("38% fewer than in 2021", "compared with
#: in 2020"; the date's own "in" may hold it): the comparison's base, no event ("less than
#: four months later" counts time; "far more than Sunday's notice" compares no figure).
_COMPARED_WITH = re.compile(r"\b(?:(?:more|fewer|less|higher|lower|bigger|smaller|larger|greater)"
                            r"\s+than|compared\s+(?:with|to))\s+in\s+$", re.IGNORECASE)


def measured_from(sentence: str, start: int, end: int) -> bool:
    """Is the date at ``sentence[start:end]`` only what a superlative is measured from ("the
    biggest drop since October 2008", "its worst session since April"; "since" before the
    date or its own first word), with no "when" clause telling what happened then?

    >>> s = "Tencent fell 12%, the biggest drop since October 2008."
    >>> measured_from(s, s.index("October"), len(s) - 1)
    True
    """
    head = start + 6 if sentence[start : start + 6].lower() == "since " else start
    measured = _MEASURED_FROM.search(sentence, max(0, start - 60), head) is not None
    inside = start + 3 if sentence[start : start + 3].lower() == "in " else start
    compared = _COMPARED_WITH.search(sentence, max(0, start - 30), inside) is not None
    return (measured or compared) and not _WHEN_AFTER.match(sentence, end)
#: A stretch of time spent doing something ("analysts spent Tuesday weighing …", "engineers
#: who spent last year fine-tuning …"): no step of the crackdown, unless a state actor of the
#: sentence spends it or what is done is the state's (a cue in the doing decides: "the firm
#: spent last year investigating …").
_SPENT_BEFORE = re.compile(r"\bspent\s+$", re.IGNORECASE)
_DOING_AFTER = re.compile(r"\s+\w+ing\b(?:\s+[\w’'-]+)?")  # the doing and the word after it


#: Where a clause ends: the decision looks at the clause of the date first. A
#: connective ("which", "after") opens the next clause and belongs to it. A break is
#: ``\s*[;:]\s+``, ``\s+[–—-]\s+``, ``,\s+`` before a joining word, or ``\s+`` before a
#: bounding word; written as the class of its first character and then, by that
#: character, the rest, so the regex engine looks only where such a character is
#: (tests/test_relevance.py checks it against the plain form).
#: "since May 2018", "after June 30", "before last year": a date's phrase, not a clause.
DATE_AFTER_BOUND = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|last|early|late|mid)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|\d)"
)
CLAUSE_BREAK = re.compile(
    r"[\s;:,](?:(?<=[;:])\s+|(?<=\s)\s*[;:]\s+|(?<=\s)\s*[–—-]\s+"
    r"|(?<=,)\s+(?P<joined>and|but|while|which|who|whose|where|followed\s+by)\b"
    r"|(?<=\s)\s*(?P<bound>after|before|as|since|when|while)\s+"
    r"(?!(?:a|an|the|that)\s+\w+\s+(?:ago|later)\b|" + DATE_AFTER_BOUND + "))"
)


_RELATIVE = frozenset({"which", "who", "whose"})


@lru_cache(maxsize=64)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """(where the break starts, where the next clause opens) of each clause break, in
    order; a sentence with several dates is read once."""
    breaks = []
    for m in CLAUSE_BREAK.finditer(sentence):
        word = m.start("joined") if m.group("joined") else m.start("bound")
        breaks.append((m.start(), word if word >= 0 else m.end()))
        if m.group("joined") in _RELATIVE:  # ", which listed in 2018, said...": closes at a comma
            comma = sentence.find(", ", m.end())
            if comma >= 0:
                breaks.append((comma, comma + 2))
    return tuple(sorted(breaks))


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause of ``sentence`` holding ``sentence[start:end]``.

    >>> s = "TAL, which listed in New York in 2010, said on Saturday it would comply."
    >>> lo, hi = clause_bounds(s, s.index("in 2010"), s.index("in 2010") + 7)
    >>> s[lo:hi]
    'which listed in New York in 2010'
    >>> s = "Didi listed on June 30: two days later, the regulator opened a review."
    >>> lo, hi = clause_bounds(s, s.index("two"), s.index("two") + 14)
    >>> s[lo:hi]
    'two days later, the regulator opened a review.'
    """
    lo, hi = 0, len(sentence)
    for begin, opens in _breaks(sentence):
        if opens <= start:
            lo = opens
        elif begin >= end:
            hi = begin
            break
    return lo, hi


@lru_cache(maxsize=64)
def _cue_spans(sentence: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, rank) of every cue in ``sentence``: rank 0 crackdown, 1 background.
    A sentence with several date expressions is scanned once."""
    spans = [
        (m.start(), m.end(), rank)
        for rank, cues in enumerate((CRACKDOWN_CUES, BACKGROUND_CUES))
        for m in cues.finditer(sentence)
    ]
    # a cue inside a longer cue of the other kind is part of it ("regulator" in "took over
    # from the banking regulator", "launched" in "launched a campaign"): the longer one reads
    return tuple(
        (a, b, rank) for a, b, rank in spans
        if not any(r != rank and c <= a and b <= d and d - c > b - a for c, d, r in spans)
    )  # fmt: skip


#: An appositive set off by commas whose description has a relative clause of its own
#: (", the former teacher who founded the company in 1993,"): up to its closing comma.
_APPOSITIVE_RELATIVE = re.compile(
    r",\s+(?P<body>(?:the|a|an|its|his|her|their)\s+[^,;:]*?\b(?:who|which|whose)\b[^,;:]*),\s",
    re.IGNORECASE)


#: A sentence opening with a name and its appositive, up to the comma before the main verb
#: ("Xiaomi, a phone maker founded in 2010 and listed in 2018, was designated on ..."): the
#: appositive tells the name's history, its dates read by its own words first (a phrase led
#: by a preposition, "In China, the backlash ..., gathered pace", is no name).
_OPENING_APPOSITIVE = re.compile(
    r"(?!(?-i:In|On|At|For|By|After|Before|Since|During|From|Under|With|Without|Across|Over"
    r"|Like|Unlike|As|Of|To|Into|Within|Beyond|Against|Despite|Among|Amid|Through|Until)\b)"
    r"(?-i:[A-Z])[\w.&’'-]*(?:\s+(?-i:[A-Z])[\w.&’'-]*){0,3},\s+(?P<body>(?:a|an|the)\s+[^;:]*?),\s+"
    r"(?=(?:was|were|is|are|has|had|have|said|says|will|would|became|won|lost|sued|agreed"
    r"|(?-i:[a-z]+ed))\b)",
    re.IGNORECASE)


#: The nouns of a deal a fine or an act is for (singular; an "s" may follow).
DEAL_NOUNS = r"purchase|acquisition|takeover|buyout|deal|investment"
#: The deal an act was "over" or "for", right after a date: its reason, told for the act
#: ("fined it 500,000 yuan in July over its purchase of China Music"; a date inside the
#: phrase is the deal's own).
_REASON_DEAL = re.compile(
    rf"\s*,?\s*(?:over|for)\s+(?:its|their|the|an?)\s+(?:[\w-]+\s+)?(?:{DEAL_NOUNS})s?\b[^,;:.]*",
    re.IGNORECASE)


@lru_cache(maxsize=64)
def _asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of the relative clauses set off by commas (", which were worth … in May,"), of
    appositives with one of their own (", the teacher who founded it in 1993,") and of an
    opening name's appositive ("Shein, the retailer founded in China, received ..."): what
    they say is about their own date, not the main clause's."""
    spans = []
    for m in CLAUSE_BREAK.finditer(sentence):
        if m.group("joined") in _RELATIVE:
            comma = sentence.find(", ", m.end())
            if comma >= 0:
                spans.append((m.start("joined"), comma))
    if ", " in sentence:
        spans.extend(m.span("body") for m in _APPOSITIVE_RELATIVE.finditer(sentence))
        if opening := _OPENING_APPOSITIVE.match(sentence):
            spans.append(opening.span("body"))
    return tuple(spans)


#: Words opening a clause of another time than the date's ("…in July, before the guidelines").
OTHER_TIME_WORDS = ("after", "before", "since")


@lru_cache(maxsize=64)
def other_times(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of the clauses opened by "after", "before" or "since": what they tell happened at
    another time than a date outside them."""
    breaks = _breaks(sentence)
    spans = []
    for i, (_, opens) in enumerate(breaks):
        if sentence[opens:opens + 7].split(None, 1)[0].lower() in OTHER_TIME_WORDS:
            ends = [begin for begin, _ in breaks[i + 1:] if begin >= opens]
            comma = sentence.find(", ", opens)  # "after it listed, the group bought ..."
            ends.extend([comma] if comma >= 0 else [])
            spans.append((opens, min(ends) if ends else len(sentence)))
    return tuple(spans)


def _same_time(sentence: str, stop: int) -> int:
    """Where the clause ending at ``stop`` would end if it took in a "when" clause right after
    it ("…met in March, when it spoke of monopolies"): that clause tells the date's own
    moment. ``stop`` itself where none follows."""
    breaks = _breaks(sentence)
    for i, (begin, opens) in enumerate(breaks):
        if begin == stop and sentence[opens:opens + 5].lower() == "when ":
            ends = [b for b, _ in breaks[i + 1:] if b >= opens]
            return ends[0] if ends else len(sentence)
    return stop


_ANCHORED = re.compile(r"\b(?:after|before)$", re.IGNORECASE)


def _anchor(sentence: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The phrase a relative date counts from ("Two days after <its listing on June 30>,
    …"), up to the next comma: it dates the event, it is not the event."""
    if not _ANCHORED.search(sentence, start, end):
        return ()
    comma = sentence.find(",", end)
    return ((end, comma if comma >= 0 else len(sentence)),)


def _nearest(sentence: str, lo: int, hi: int, start: int, end: int,
             skip: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The kind of the cue in ``sentence[lo:hi]`` nearest ``sentence[start:end]``, leaving
    out the cues inside ``skip``; a tie goes to crackdown."""
    best: tuple[int, int] | None = None
    for a, b, rank in _cue_spans(sentence):
        if a < lo or b > hi or skip and any(x <= a and b <= y for x, y in skip):
            continue
        distance = max(a - end, start - b, 0)
        if best is None or (distance, rank) < best:
            best = (distance, rank)
    return None if best is None else (CRACKDOWN, BACKGROUND)[best[1]]


def parenthetical(sentence: str) -> bool:
    """The whole sentence is one parenthesis: the writer's aside.

    >>> parenthetical("(This month's theme: readings on “Serving the People.”)")
    True
    >>> parenthetical("(Updated) Regulators fined the firm (again) on Monday.")
    False
    """
    text = sentence.strip()
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for i, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return i == len(text) - 1
    return False


def _statement_relevance(sentence: str) -> str:
    """An undated statement: a crackdown cue anywhere wins, a background cue alone is
    background, and with neither its state actors make it crackdown (as does doubt)."""
    ranks = {rank for _, _, rank in _cue_spans(sentence)}
    if 0 in ranks or 1 not in ranks:
        return CRACKDOWN
    return BACKGROUND


def relevance_of(
    sentence: str,
    span: tuple[int, int] | None = None,
    precision: str | None = None,
    regulators: tuple[str, ...] = (),
    date_end: date | None = None,
    published: date | None = None,
    aside: bool = False,
    voice: bool = False,
) -> str:
    """``"crackdown"`` or ``"background"`` for the event dated by ``sentence[span]``.
    ``aside``: the author speaking of themselves ("I"): background unless the date's clause
    tells a state act. ``voice``: the writer's "we" (a fund letter's trades, a newsletter's
    visits): background where neither a cue in the sentence nor a state actor decides.

    >>> relevance_of("In the 1960s and ‘70s, Mao purged the government.", (0, 21), "decade")
    'background'
    >>> relevance_of("He has been a party member since the 1980s.", (27, 42), "decade")
    'background'
    >>> s = "The short-video app became popular in 2019."
    >>> relevance_of(s, (s.index("in 2019"), len(s) - 1), "year")
    'background'
    >>> relevance_of("In July, regulators fined Tencent.", (0, 7), "month", ("X",))
    'crackdown'
    >>> s = "TAL, which listed in New York in 2010, said on Saturday it would comply."
    >>> relevance_of(s, (s.index("in 2010"), s.index("in 2010") + 7), "year")
    'background'
    >>> relevance_of(s, (s.index("on Saturday"), s.index("on Saturday") + 11), "day")
    'crackdown'
    >>> relevance_of("For years, the story was one of ascent.", (0, 9), "vague")
    'background'
    >>> relevance_of("The law took effect in 2008.", (20, 27), "year", (), date(2008, 12, 31),
    ...              date(2021, 4, 12))
    'background'
    """
    if span is None:  # an undated statement (or one dated by a heading): any state act decides
        if date_end and published and published.year - date_end.year >= HISTORY_YEARS:
            return BACKGROUND
        return _statement_relevance(sentence)
    start, end = span
    if precision in HISTORY_PRECISIONS:
        return BACKGROUND
    if date_end and published and published.year - date_end.year >= HISTORY_YEARS:
        return BACKGROUND
    offset, stop = clause_bounds(sentence, start, end)
    # The clause searched in place, not copied: it opens after a space (or at the start),
    # so ``\b`` reads its first word as in the clause alone, and the alternation reuses the
    # sentence's lower-case form, made for its other searches (tests/test_relevance.py).
    if HISTORY_CUES.search(sentence, offset, stop):
        return BACKGROUND
    if measured_from(sentence, start, end):
        return BACKGROUND
    if (not regulators and _SPENT_BEFORE.search(sentence, max(0, start - 8), start)
            and (doing := _DOING_AFTER.match(sentence, end))
            and _nearest(sentence, doing.start(), doing.end(), end, end) != CRACKDOWN):
        return BACKGROUND
    if aside or parenthetical(sentence):
        # the author's own voice, or a line wholly in parentheses (an aside): background
        # unless its clause (or a "when" clause of the same moment) tells a state act
        kind = _nearest(sentence, offset, _same_time(sentence, stop), start, end)
        return CRACKDOWN if kind == CRACKDOWN else BACKGROUND
    opening = _OPENING_APPOSITIVE.match(sentence) if ", " in sentence else None
    if opening and opening.start("body") <= start and end <= opening.end("body"):
        kind = _nearest(sentence, opening.start("body"), opening.end("body"), start, end)
        if kind:
            return kind
    anchor = _anchor(sentence, start, end)
    # the relative clauses and appositives the date is not in tell their own time (in the
    # date's clause too), as do the clauses of another time ("we sold in July, before the
    # guidelines"; "last month, in a statement after releasing its Q2 earnings, Tencent said
    # it would double its funding")
    own = tuple(a for a in _asides(sentence) if not (a[0] <= start and end <= a[1]))
    own += tuple(m.span() for m in _REASON_DEAL.finditer(sentence, end)
                 if m.start() - end <= 4)  # "fined X in July over its purchase of Y"
    others = tuple(a for a in other_times(sentence) if not (a[0] <= start and end <= a[1]))
    kind = _nearest(sentence, offset, stop, start, end, anchor + own)
    if kind:
        return kind
    # the whole sentence, but not those
    skip = own + others + anchor
    if regulators and not voice and others:
        # "just days after it listed, the regulator ordered …": the state's act decides
        return _nearest(sentence, 0, len(sentence), start, end, skip) or CRACKDOWN
    kind = _nearest(sentence, 0, len(sentence), start, end, skip)
    if kind:
        return kind
    if regulators:
        return CRACKDOWN
    if voice:
        return BACKGROUND
    if date_end is not None and published is not None and date_end.year < CAMPAIGN_START.year \
            and published >= CAMPAIGN_START:
        return BACKGROUND
    return BACKGROUND if precision == Precision.VAGUE else CRACKDOWN
