"""What no provision states, whatever the corpus holds: a figure of the day, a statistic
or count, who holds an office now, contact details, an event in a body's or a case's
history.

Statutes, judgments and treaties set rules. "Koliki je danas kurs evra?", "minimalna cena
rada za 2026. godinu", "How many victims were identified in 2024?", "broj telefona za
hitan smeštaj", "koja udruženja su upisana u registar", "Ko je trenutno direktor Centra …?", "Kada je doneta prva presuda za
trgovinu ljudima?" ask for facts of the day, counts, an office's holder or its details,
what happened when, which a lawyer finds elsewhere; quoting a provision that
shares their words would answer a question nobody asked. Pure functions over the
question's normalised text (core.text.normalize). Does not decide anything else
(answer.decide) and does not read the sources.
"""
from __future__ import annotations

import re

from core.text import normalize

# An amount asked for now or for a given year is a figure of the day, not a rule.
_CURRENT = re.compile(r"\b(danas|trenutn\w*|sada|sad|ove godine|ovu godinu|tekuc\w* godin\w*|today|currently|current|this year"
                      r"|(?:za|u|in|for)(?: \w+)? 20[2-3]\d)\b")  # "za 2026", "za januar 2026", "in May 2025"
# A count or an average for a year is a statistic.
_STATISTIC = re.compile(r"\b(how many|koliko|broj\w*|number of|average|prosec(?:a)?n\w*|ukupn\w*|total)\b.*\b(19[5-9]\d|20[0-3]\d"
                        # ... or over the last few years: "u poslednjih pet godina" (not a claim
                        # "za poslednje tri godine rada")
                        r"|(?:u|tokom) (?:poslednj|protekl)\w* (?:\w+ )?(?:godin\w*|meseci)"
                        r"|(?:in|over|during) the (?:last|past) (?:\w+ )?(?:years?|months))\b"
                        # the average award, or the average length of a case
                        r"|\b(prosec(?:a)?n\w*|average) (dosudjen\w* |isplacen\w* |awarded )?(iznos\w*|naknad\w*|odstet\w*"
                        r"|trajanj\w*|award\w*|compensation|amount|length|duration)\b"
                        # "how long, on average, does a trial take?": an average is counted, never enacted
                        r"|\b(koliko|kolik\w*|how (?:long|much|many|often))\b.*\b(u proseku|on average|in average|prosecno)\b"
                        r"|\b(u proseku|on average|prosecno)\b.*\b(koliko|kolik\w*|how (?:long|much|many|often))\b"
                        # a figure asked of the statistics office, or a demographic
                        # measure: "life expectancy according to the statistics office"
                        r"|\b(zavod\w* za statistiku|rzs|statistics office|statistical office|office for statistics"
                        r"|official statistics|eurostat|zvanicn\w* statistik\w*"
                        r"|life expectancy|ocekivan\w* (trajanj\w* )?zivot\w*|zivotn\w* vek\w*)\b")
# A bank account to pay into, a phone number, a hotline, an e-mail address, a street
# address, an office's hours or website, its visiting hours: never in a statute, a
# judgment or a treaty ("pozvati telefonom" is a rule of procedure, not this).
_CONTACT = re.compile(r"\b(broj\w* racuna|ziro racun\w*|poziv\w* na broj|account number|iban|swift"
                      r"|brojevi telefona|broj\w* telefona|(?:tele)?phone numbers?|hotline|sos linij\w*"
                      r"|e-?mail adres\w*|e-?mail address|radno vreme|working hours|opening hours|website|web ?sajt\w*"
                      r"|na kojoj adresi|koja je adresa|what is the address|street address|vreme poseta|visiting hours)\b")
# ... but a worker's hours are a rule of the Labour Law: "Koliko časova nedeljno iznosi puno
# radno vreme?", "maximum working hours per week" ask what čl. 51 and 53 state.
_WORKING_TIME = re.compile(r"\b(pun\w*|nepun\w*|skracen\w*|prekovremen\w*|nocn\w*|full|part|maximum|najduz\w*|najvise"
                           r"|(?:koliko|kolik\w*) (?:\w+ ){0,2}(?:casov\w*|sati|sata|sat)|how many (?:\w+ ){0,2}hours"
                           r"|nedeljno|dnevno|sedmicno|per week|a week|per day|a day|weekly|daily)\b")
_OFFICE_HOURS = re.compile(r"\b(radno vreme|working hours)\b")


# Who holds an office now, or a person's name: statutes name offices, never their holders.
_ROLE = (r"direktor\w*|ministar\w*|ministr\w*|predsednik\w*|predsedav\w*|izvestilac|izvestioc\w*|upravnik\w*"
         r"|nacelnik\w*|koordinator\w*|zamenik\w*|zastitni\w* gradjana|director|deputy|minister|president|rapporteur|head"
         r"|chair\w*|coordinator|ombudsman|vrhovn\w* (javn\w* )?tuzi\w*|glavn\w* (javn\w* )?tuzi\w*|chief (public )?prosecutor"
         r"|prosecutor general|attorney general")
_NOW = r"trenutno|sada|danas|currently|current|now|today"
_HOLDER = re.compile(rf"\b(ko|who)\b.*\b({_NOW})\b.*\b({_ROLE})\b"
                     rf"|\b({_NOW})\b.*\b(ko|who)\b (\w+ ){{0,2}}({_ROLE})\b"  # "… today, and who chairs it?"
                     rf"|\b(ime|imena|name|names|kako se zove|kako se zovu) (of the )?(\w+ )?"
                     rf"({_ROLE}|sudij\w*|tuzio\w*|judge|prosecutor|pravnik\w*|pravnic\w*|advokat\w*|sluzbeni\w*"
                     r"|lawyer|official|officer|clerk)\b")
# How many of something there are, registered or working ("koliko advokata je upisano u
# registar"): a count, whatever the year; "koliko dana/godina/dinara" asks a rule's figure.
_NOT_COUNTED = (r"dana|godin|mesec|sat|casov|nedelj|minut|dinar|evr|procen|posto|puta"
                r"|days|years|months|hours|weeks|minutes|dinars|euros|percent|times")
_COUNT = re.compile(rf"\b(koliko|how many) (?!{_NOT_COUNTED})\w+ (\w+ ){{0,3}}?"
                    r"(je upisan\w*|su upisan\w*"
                    r"|(?:ima|postoji|postoje|radi|rade) u (?:srbiji|beogradu|republici|gradu|zemlji)"
                    r"|je registrovan\w*|su registrovan\w*|je identifikovan\w*|su identifikovan\w*"
                    r"|are registered|are there|were identified|work in|operate)\b"
                    rf"|\b(koliko|how many) (?!{_NOT_COUNTED})\w+ .*\b({_NOW})\b"  # "how many members … today"
                    # "trenutni broj sudija", "the current number of": a count of the day;
                    # how many judges or prosecutors a court or an office has is set by
                    # a council's decision, never by a statute (how many sit on a panel
                    # is a rule)
                    r"|\b(trenutn\w*|aktueln\w*|vazec\w*|current) (broj\w*|number)\b"
                    r"|\b(koliko|how many) (sudija|javnih tuzilac\w*|tuzilac\w*|zamenik\w* (javn\w* )?tuzi\w*|judges"
                    r"|prosecutors) (?!.*\b(vec[eau]|panel\w*|sudi|sude|sits?)\b)([\w']+ ){0,6}?"
                    r"(sud|suda|sudu|tuzilastv\w*|odeljenj\w*|court|office)\b")

# What happened, or will, to a body or a case: when it was founded, the first judgment
# of its kind, whether an award was actually paid, the next monitoring visit. Statutes
# say what must happen, judgments what was decided; neither is a chronicle.
_WHEN = r"kada|when|koje godine|which year|what year|od kada|since when"
_FIRST = (r"(prv[aeiou]m?|first) (\w+ ){0,3}(presud\w*|osud\w*|naknad\w*|odstet\w*|conviction|judgment|verdict"
          r"|award|compensation)\b")
# "Did they actually pay?", "da li je do sada isplatio": what happened to an award.
_SO_FAR = r"actually|zaista|stvarno|ikada|ever|do sada|dosad|u medjuvremenu|so far|yet|in the meantime|since then"
_PAID = (r"paid|pay|isplati\w*|platil\w*|naplati\w*|executed|complied|izvrsil\w*|receiv\w*|got|obtained|dobil\w*"
         r"|primil\w*")
_EVENT = re.compile(
    rf"\b({_WHEN})\b.{{0,80}}\b(osnovan\w*|founded|established|set up|formiran\w*|poce\w* (sa )?rad\w*|began work\w*)\b"
    rf"|\b({_WHEN}) (je|su|was|were|did|has|have)\b.{{0,60}}\b{_FIRST}"  # past: "kada je doneta prva presuda"
    rf"|\b{_FIRST}.*\b(19[5-9]\d|20[0-3]\d|{_WHEN}|ikada|ever|zaista|actually|doneta|donesena|izrecena"
    r"|dosudjena|handed down|was)\b"
    rf"|\b(did|has|have|da li (?:\w+ )?(?:je|su)|je li)\b.{{0,60}}\b({_SO_FAR})\b.{{0,30}}\b({_PAID})\b"
    rf"|\b(did|has|have|da li (?:\w+ )?(?:je|su)|je li)\b.{{0,60}}\b({_PAID})\b.{{0,40}}\b({_SO_FAR})\b"
    r"|\b(next|sledec\w*|naredn\w*)\b (\w+ ){0,2}(visit|poset\w*|evaluation|evaluacij\w*|monitoring|round|krug\w*)\b"
    # which state was the first to ratify, withdraw, convict: a chronicle of states
    r"|\b(which|koja|koje|koji)\b (\w+ ){0,2}(country|state|drzav\w*|zemlj\w*) (was|je|su|were) (the )?(first|prv[aeiou])\b"
    # which organisation opened or founded something: an institution's history
    r"|\b(which|what|koja|koje|koji)\b (\w+ ){0,2}(organi[sz]\w*|ngo|nvo|udruzenj\w*|institucij\w*|institution)"
    r" (je )?(opened|founded|established|set up|otvori\w*|osnova\w*)\b"
    # when a body published its report: "When did GREVIO publish its baseline report?"
    r"|\b(kada|when)\b (je|su|did|was|were|has|have)\b.{0,60}\b(objavi\w*|objavljen\w*|publish\w*|issued?)\b"
    r".{0,60}\b(izvestaj\w*|report\w*)\b"
    # a case's later history: "After the judgment in S.M. v. Croatia, did the authorities
    # reopen the case?", "da li je posle presude ponovo pokrenuta istraga" (whether
    # proceedings may be reopened is a rule: "Can the case be reopened …?")
    r"|\b(did|has|have|had|were|was|da li (?:je|su)|je li)\b.{0,100}\b(reopen\w*|re-open\w*|resum\w*"
    r"|ponovo (?:je |su )?(?:pokren\w*|otvor\w*|vodjen\w*)|na kraju osudjen\w*|eventually convicted|ultimately convicted)\b"
    # ... or what a state changed after it: "Da li je Malta posle presude izmenila pravila?"
    r"|\b(did|has|have|da li (?:je|su)|je li)\b.{0,60}\b(posle|nakon|after|following)\b (\w+ ){0,3}(presud\w*|judgment)\b"
    r".{0,100}\b(izmeni\w*|promeni\w*|amend\w*|chang\w*|uskladi\w*)\b"
    r"|\b(posle|nakon|after|following)\b (\w+ ){0,3}(presud\w*|judgment)\b.{0,100}\b(did|has|have|da li (?:je|su)|je li)\b"
    r".{0,60}\b(izmeni\w*|promeni\w*|amend\w*|chang\w*|uskladi\w*)\b"
    # what a body did with one thing, and for what price: "da li je Direkcija kuću
    # prodala i po kojoj ceni"
    r"|\b(po kojoj ceni|za koliko (?:je|su) (?:prodat\w*|izdat\w*)|at what price|for how much (?:was|were) (?:it |they )?(?:sold|let|leased))\b"
    # one case's calendar: "kog dana i u koliko sati je zakazan naredni pretres"
    r"|\b(kog|kojeg|koji|which|what) (dana|datum\w*|day|date)\b.{0,80}\b(zakazan\w*|scheduled)\b"
    r"|\b(u koliko sati|at what time|tacan datum\w*|exact date)\b.{0,80}\b(zakazan\w*|scheduled)\b")


# Who is entered in a register ("Koja udruženja iz Novog Sada su upisana u Registar
# pružalaca besplatne pravne pomoći?"): a statute sets up a register and says what it
# records, never who is in it ("Koji podaci se upisuju u Registar?" is a rule).
_ENTRANT = (r"udruzenj\w*|organizacij\w*|advokat\w*|pruzal\w*|pruzaoc\w*|firm\w*|kompanij\w*|preduzec\w*|agencij\w*"
            r"|ustanov\w*|fondacij\w*|posrednik\w*|posrednic\w*|izvrsitelj\w*|notar\w*|tumac\w*|vestac\w*"
            r"|associations?|organi[sz]ations?|ngos?|lawyers?|attorneys?|providers?|firms?|compan(?:y|ies)|agenc(?:y|ies)"
            r"|interpreters?|notaries|experts?")
_REGISTER = re.compile(rf"\b(koj\w*|which|what)\b (\w+ ){{0,2}}({_ENTRANT})\b.{{0,80}}?\b(su|je|are|is|were|have been|has been)"
                       r" (\w+ ){0,2}?(upisan\w*|registrovan\w*|registered|listed|entered|licensed|licencir\w*"
                       r"|akreditovan\w*|accredited)\b")


# A sum of money per month, per hour, per kilometre, per day's allowance or per night (a
# benefit, a fee by the hour, a witness's travel costs): set by by-laws, decisions and
# tariffs that the corpus does not hold, never by its statutes.
_PER = (r"mesecn\w*|na mesec|po satu|sat\w* rada|na sat|per month|a month|monthly|per hour|an hour|hourly"
        r"|po (?:predjenom )?kilometru|po km|per (?:kilomet\w+|km|mile)|dnevnic\w*|per diem|daily allowance"
        r"|po nocenju|per night|dnevno|po danu|per day")
_PERIODIC = re.compile(rf"\b(dinar\w*|din|evr\w*|eur\w*|rsd)\b.*\b({_PER})\b"
                       rf"|\b(mesecn\w*|monthly|hourly|po satu|na sat|per hour|an hour|per month|a month)\b.*\b(dinar\w*|evr\w*|rsd)\b"
                       # "koliko mesečno iznosi naknada": a monthly sum, whatever its currency
                       r"|\b(koliko|kolik\w*|how much) (mesecno|na mesec|po satu|na sat|per month|a month|per hour|an hour)\b"
                       # "koliko novca mesečno dobija", "how much money does she get each month"
                       r"|\b(koliko|how much) (novc\w*|para|money)\b.*\b(mesecn\w*|na mesec|po satu|na sat|monthly|per month"
                       r"|a month|each month|every month|per hour|an hour|hourly)\b")
_HOW_MUCH = re.compile(r"\b(koliko|kolik\w*|how much|how many|what is the|iznos\w*|amount)\b")


def figure_of_the_day(question: str) -> bool:
    """Whether the question asks for a value now or for a given year ("za 2026")."""
    return bool(_CURRENT.search(normalize(question)))


def never_stated(question: str, kind: str | None) -> str | None:
    """"amount" (a figure of the day, for a question asking an amount; a sum per month,
    hour, kilometre, day's allowance or night, "koliko dinara mesečno iznosi ta pomoć"), "count" (a
    statistic or a number of registered bodies or people), "person" (who holds an office
    now), "contact" (contact details), "register" (who is entered in a register), "event"
    (what happened when), or None."""
    norm = normalize(question)
    if kind == "amount" and _CURRENT.search(norm) or _PERIODIC.search(norm) and _HOW_MUCH.search(norm):
        return "amount"
    if _STATISTIC.search(norm) or _COUNT.search(norm):
        return "count"
    if _HOLDER.search(norm):
        return "person"
    contact = _CONTACT.search(norm)
    if contact and not (_OFFICE_HOURS.fullmatch(contact.group(0)) and _WORKING_TIME.search(norm)):
        return "contact"
    if _REGISTER.search(norm):
        return "register"
    if _EVENT.search(norm):
        return "event"
    return None
