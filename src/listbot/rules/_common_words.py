"""Plain English words that open descriptions: the ones a casing fix may capitalise safely.

``awesome-list-item`` capitalises a lower-case first word by itself (a safe fix) only when
the word is here: an ordinary word that no project spells in lower case as its name. Any
other word (``ripgrep``, ``numl``, ``django``, ``go``) may be a name the author spelled on
purpose, so its fix needs ``--unsafe-fixes``.
"""

from __future__ import annotations

_WORDS = """
a an the this that these those some any all another each every both either its our your
their one two three four five six seven eight nine ten few many more most much several in on
at by for from of to with without within into onto over under about across after against
along among around before behind below beneath beside between beyond during except inside
near off outside past since through toward towards upon via and or but nor so yet if when
where while because although though as like unlike than then also just only even very really
quite almost again here there how what which who why whether is are was were be been being
has have had do does did can could may might must shall should will would simple simpler
simplest fast faster fastest quick easy easier light lightweight small tiny minimal
minimalist large big huge high low full fully free open modern new old native pure portable
powerful flexible robust secure safe reliable efficient scalable extensible modular reusable
customizable configurable lean clean elegant beautiful nice useful handy friendly pretty
smart tidy well best better good great awesome complete comprehensive curated official
unofficial experimental stable mature popular generic general basic advanced standard single
multi multiple cross real static dynamic declarative functional reactive asynchronous async
synchronous concurrent parallel distributed decentralized embedded embeddable standalone
interactive visual graphical automatic automated incremental typed strongly strict
opinionated unopinionated hosted self private public personal professional commercial
academic scientific collaborative fancy intuitive unified universal various different
alternative additional extra other similar related small-scale large-scale library libraries
framework frameworks tool tools toolkit toolkits utility utilities package packages module
modules plugin plugins extension extensions wrapper wrappers binding bindings client clients
server servers service services engine engines collection collections list lists set sets
guide guides tutorial tutorials course courses book books article articles blog post posts
talk talks video videos podcast podcasts paper papers survey resource resources reference
references documentation example examples sample samples template templates starter
boilerplate demo demos implementation implementations port version versions fork clone
replacement interface command app apps application applications program programs platform
system systems parser parsers generator generators compiler interpreter editor viewer
manager browser terminal shell database store cache queue scheduler monitor dashboard api
component components widget widgets theme themes font fonts game games tracker scanner
crawler scraper bot bots analyzer linter formatter converter encoder decoder renderer loader
runner builder bundler helper helpers suite kit language languages data text image images
file files model models network networks learning machine deep neural natural dataset
datasets benchmark benchmarks toolbox notebook notebooks project projects community open-
source source code web mobile desktop cloud online offline local remote provides provide
allows allow lets let makes make helps help enables enable supports support adds add brings
bring builds build creates create generates generate converts convert runs run turns turn
uses use gives give keeps keep manages manage handles handle parses parse renders render
displays display shows show finds find checks check tracks track monitors reads read writes
write sends send learn teaches implements implement integrates integrate extends extend
wraps wrap simplifies simplify automates automate visualize visualizes visualise visualises
collect collects share shares search searches download downloads install installs deploy
deploys host hosts test tests compare compares explore explores discover discovers browse
get gets connect connects access accesses control controls
"""

COMMON_WORDS = frozenset(_WORDS.split())
