"""Small lists of Greek and English function words, ignored when matching a keyphrase.

Written by hand for this project (no stop-word package is installed): articles,
prepositions, conjunctions, particles, personal pronouns and the commonest forms of
"to be" and "to have". Words are stored folded (lowercase, no accents, σ for ς), as
``kalo.text.fold`` returns them; compare only folded words with them. Keep the lists
short: a content word wrongly listed here can never match.
"""

from __future__ import annotations

from kalo.text import fold

_GREEK = """
ο η το οι τα του της των τον την τη τους τις ενας ενα μια μιας ενος
σε στο στη στην στον στα στους στις στης στου στων σ
απο για με προς κατα μετα χωρις ως εως μεχρι παρα αντι δια υπο ανα περι
εκ εξ εν
και κι η ουτε ειτε αλλα ομως οτι πως που ποιος ποια ποιο να θα δεν δε μη μην αν εαν
ενω οταν οπως αφου γιατι επειδη λοιπον ομως ακομα ακομη ηδη πολυ πιο
εγω εσυ αυτος αυτη αυτο αυτοι αυτες αυτα αυτου αυτης αυτων αυτον αυτην αυτους αυτες
μου σου του της μας σας τους τον την τα τις με σε
ειναι ειμαι εισαι ειμαστε ειστε ηταν εχει εχουν εχω
ολα ολοι ολες ολη ολος καθε
"""

_ENGLISH = """
a an the and or nor but if then so than that this these those there here
of in on at to for from by with without about into onto over under between
as is are was were be been being am do does did has have had having
it its it's i me my we us our you your he him his she her they them their
not no yes can will would should could may might must shall
what which who whom whose when where why how all any each every some such
s t
"""

STOP_WORDS: frozenset[str] = frozenset(fold(w) for w in (_GREEK + _ENGLISH).split())
