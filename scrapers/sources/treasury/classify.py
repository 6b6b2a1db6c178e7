"""Does a Treasury release announce designations made under E.O. 14059? (Sentence-level
markers of today's action vs history; also used by designees.py for the role of each name.)"""
from __future__ import annotations

import dataclasses
import re

from .html import MONTH, Block, release_id_from, sentence_spans

# E.O. 14059 by number, by its SDN program tag, or by its title alone (the founding release of
# 2021-12-15 names "the new E.O., 'Imposing Sanctions on Foreign Persons Involved in the Global
# Illicit Drug Trade'" and never its number).
EO_RE = re.compile(r"(?:\bE\.?\s?O\.?|\bExecutive\s+Order)\s*(?:\(E\.?O\.?\)\s*)?(?:No\.?\s*)?14059\b"
                   r"|ILLICIT-DRUGS-EO14059"
                   r"|\bImposing\s+Sanctions\s+on\s+Foreign\s+Persons\s+Involved\s+in\s+the\s+Global\s+Illicit\s+Drug\s+Trade\b",
                   re.I)
# "identified" is the Kingpin Act's word ("the President identified X as a significant foreign
# narcotics trafficker"); "has been identified as one of the major DTOs" only describes.
_IDENTIFIED = r"identified(?=\s+(?:by\s+(?:OFAC|Treasury|the\s+President)|as\s+(?:a\s+)?(?:significant|specially)|pursuant|under))"
_OTHER_AUTH = (r"(?:Kingpin\s+Act|Foreign\s+Narcotics\s+Kingpin|E\.?\s?O\.?\s*(?:\(E\.O\.\)\s*)?(?!14059)\d{5}"
               r"|Executive\s+Order\s+(?:\(E\.O\.\)\s*)?(?!14059)\d{5})")
# what makes "X was designated" history: a year in the same clause, or another authority
_PAST_TAIL = (rf"(?=[^;]{{0,80}}?\b(?:in|on)\s+(?:{MONTH}\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b"
              rf"|\s+(?:by\s+\w+\s+)?(?:pursuant\s+to|under)\s+(?:the\s+)?{_OTHER_AUTH})")
# Name-level: only markers that say *this name* was designated before. A bare "X was designated"
# / "were designated for being owned …" is how releases tell today's action in the past tense.
HIST_NAME_RE = re.compile(
    rf"\bpreviously\s+(?:been\s+)?(?:designated|sanctioned|{_IDENTIFIED})\b"
    rf"|\b(?:had|has|have)\s+(?:also\s+)?(?:previously\s+)?been\s+(?:designated|sanctioned|{_IDENTIFIED})\b"
    rf"|\b(?:was|were)\s+(?:also\s+)?(?:designated|sanctioned|{_IDENTIFIED})\b(?!\s+today){_PAST_TAIL}"
    r"|\bwhom\s+(?:(?!(?:is|are|was|were|being|today)\b)[\w.’'-]+\s+){0,4}?(?:designated|sanctioned|identified)\b(?!\s+today)"
    # "X, which OFAC sanctioned in May 2023" (a date or another authority: "which OFAC designated
    # for being owned by Y" can tell today's action)
    rf"|\bwhich\s+(?:(?!(?:is|are|was|were|being|today)\b)[\w.’'-]+\s+){{0,4}}?(?:designated|sanctioned|identified)\b{_PAST_TAIL}"
    # "builds on OFAC’s May 2023 designation of X", "follows Treasury’s designation of X"
    r"|\b(?:build(?:s|ing)?\s+(?:up)?on|follow(?:s|ing)?|after)\s+(?:OFAC|Treasury|the\s+U\.S\.)[’']s\s+"
    r"(?:[\w,]+\s+){0,4}?(?:designations?|sanctions?|sanctioning)\s+(?:of|against|on|targeting)\b"
    rf"|\b(?:designated|sanctioned|{_IDENTIFIED})\s+(?:by\s+(?:OFAC|Treasury|the\s+[\w.’' ]+?)\s+|(?:[^,.;()]|\bE\.O\.|\([^()]{{1,30}}\)|,\s+as\s+amended,){{1,80}}?\s+)?"
    rf"(?:in|on)\s+(?:{MONTH}\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b"   # ('designated X pursuant to E.O. 14059 in August 2023')
    # "Los Lobos (sanctioned June 2024)": a month and year without "in"
    rf"|\b(?:designated|sanctioned)\s+{MONTH}\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b|\((?:designated|sanctioned)\s+(?:19|20)\d\d\)"
    r"|\b(?:U\.S\.|OFAC|Treasury|UN|U\.N\.)[-‑]designated\b"
    # "replaced X after OFAC sanctioned X", "since Treasury designated him"
    r"|\b(?:after|since|following|once)\s+(?:OFAC|Treasury|the\s+U\.S\.)\s+(?:had\s+)?(?:designated|sanctioned)\b"
    r"|\bannounced\s+the\s+designation\s+of\b"
    # "OFAC is also updating the SDN List entries of X and its owner, Y": entries already on the list
    r"|\bupdat(?:e|es|ed|ing)\s+(?:the\s+)?(?:existing\s+)?(?:SDN\s+List\s+|Specially\s+Designated\s+Nationals\s+and\s+Blocked\s+Persons\s+List"
    r"\s+(?:\(SDN\s+List\)\s+)?)?entr(?:y|ies)\s+(?:of|for)\b"
    # "updating X’s existing SDN List entry", "X is not being newly designated today": no designation today
    r"|\bexisting\s+(?:SDN\s+List\s+)?entr(?:y|ies)\b"
    r"|\b(?:is|are)\s+not\s+(?:being\s+)?(?:newly\s+|re-?)?(?:designated|sanctioned)\b"
    # "who remains on the SDN List", "who has been on the SDN List since 2024", "already on the SDN List"
    r"|\b(?:remains?|remained|(?:has|have|had)\s+(?:also\s+)?been|already(?:\s+listed)?)\s+on\s+(?:OFAC[’']s\s+|the\s+)?"
    r"(?:SDN\s+List|Specially\s+Designated\s+Nationals)"

    # "… on December 15, 2021. That same day, OFAC also designated X": the day the sentence before gives
    r"|\b(?:(?:that|the)\s+same\s+(?:day|date|month|year)|on\s+that\s+(?:day|date)),?\s+(?:OFAC|Treasury|the\s+(?:U\.S\.\s+)?"
    r"Department\s+of\s+(?:the\s+Treasury|State))\s+(?:also\s+)?(?:designated|sanctioned|identified)\b"
    rf"|\b(?:in|on|since)\s+(?:{MONTH}\s+)?(?:\d{{1,2}},?\s+)?(?:(?:19|20)\d\d|of\s+(?:this|last)\s+year),?\s+"
    r"(?:OFAC|Treasury|the\s+(?:U\.S\.\s+)?Department\s+of\s+(?:the\s+Treasury|State))\s+(?:also\s+)?"
    r"(?:designated|sanctioned|identified)\b",
    re.I)
CURRENT_RE = re.compile(
    r"\btoday(?:[’']s)?\b|\bthis\s+action\b|\bthese\s+(?:designations|sanctions|actions)\b"
    r"|\b(?:is|are)\s+(?:also\s+|additionally\s+|now\s+)?(?:being\s+)?(?:(?:re-?)?designat|sanction)(?:ing|ed)\b"
    r"|\bfor\s+having\b|\bfor\s+being\s+(?:owned|a\s+foreign|foreign|(?:a\s+)?leaders?|(?:an?\s+)?officials?|responsible)\b"
    r"|\b(?:designated|sanctioned)\s+today\b|\bwhich\s+targets\b"
    r"|\b(?:the|this)\s+actions?\s+(?:is|are)\s+(?:being\s+)?taken\b"      # 'The action is taken pursuant to'
    r"|\b(?:the|these)\s+designations\s+(?:are|were)\s+(?:being\s+)?made\b",   # 'The designations are made pursuant to'
    re.I)
WEAK_CURRENT_RE = re.compile(
    r"\b(?:OFAC|Treasury)\s+(?:also\s+|additionally\s+|today\s+|further\s+)?(?:(?:re-?)?designated|sanctioned|(?:re-?)?designates|sanctions|took\s+action)\b"
    r"|\b(?:are|is)\s+(?:also\s+)?designated\b|\bdesignated\s*,\s*pursuant\b",
    re.I)
NEUTRAL_RE = re.compile(
    r"\b(?:penalt(?:y|ies)|violations?|violat(?:e|ed|ing)|settle(?:d|s|ment)?|general\s+licen[sc]es?|FAQs?"
    r"|advisory|regulations?|frequently\s+asked\s+questions|updated\s+(?:the\s+)?(?:entr(?:y|ies)|identifying)|implement(?:s|ed|ing)?|signed|signing|issu(?:ed|ing)|remov(?:e|ed|es|al|als|ing)"
    r"|delist\w*|unblock\w*|released\s+a\s+report|rescind\w*|revok\w*"
    r"|(?:does|do|will)\s+not\s+affect"
    # 'Today's designations are not made under the Kingpin Act or under E.O. 14059'
    r"|not\s+(?:being\s+)?(?:made|taken|issued|imposed|designated)\s+(?:pursuant\s+to|under)"
    r"|none\s+of\s+(?:today[’']s|these|the)\s+(?:designations|actions|sanctions))\b", re.I)   # ('None of today's designations are being made pursuant to E.O. 14059')   # a removal's 'Today's action does not affect the designations of'
DESIGNATION_VERB_RE = re.compile(r"\b(?:(?:re-?)?designat(?:e|es|ed|ing)|sanction(?:ed|ing)|identified|targets?|targeted|targeting"
                                 r"|action|actions|designations|taken|took)\b", re.I)
FENTANYL_RE = re.compile(r"fentan[iy]l", re.I)


@dataclasses.dataclass
class Sentence:
    block: int
    start: int
    end: int
    text: str
    prior_links: list[int]     # offsets (in `text`) of links to other press releases (history)

    @property
    def prior_link(self) -> bool:
        return bool(self.prior_links)


def sentences_of(blocks: list[Block], own_id: str | None = None) -> list[Sentence]:
    """The sentences of the release's paragraphs. Those under a heading that is a date ('THURSDAY,
    SEPTEMBER 24' in a week in review) tell of that day: each is given a mark of history at its
    start, as a link to another release would."""
    out = []
    dated = False
    for bi, block in enumerate(blocks):
        if block.is_heading or _DATED_HEADING.fullmatch(block.text.strip()):
            dated = bool(_DATED_HEADING.fullmatch(block.text.strip()))
            continue
        for s, e in sentence_spans(block.text):
            raw = block.text[s:e]
            lead = len(raw) - len(raw.lstrip())
            prior = [max(0, ls - s - lead) for ls, le, href in block.links
                     if ls < e and le > s and _is_other_release(href, own_id)]
            out.append(Sentence(bi, s, e, raw.strip(), [0, *prior] if dated else prior))
    return out


_DATED_HEADING = re.compile(rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?{MONTH}\s+\d{{1,2}}"
                            r"(?:,?\s+(?:19|20)\d\d)?:?", re.I)


def _is_other_release(href: str, own_id: str | None) -> bool:
    rid = release_id_from(href or "")
    return bool(rid) and rid != own_id


# Temporal phrases that put a designation in the past when they frame it ("In 2023, OFAC
# designated …", "… again in 2021 pursuant to E.O. 14059").
GENERIC_TIME_RE = re.compile(
    rf"\b(?:in|since|during|by)\s+(?:(?:early|late|mid-?)\s*)?(?:{MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?:19|20)\d\d\b"
    rf"|\bon\s+{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d\b"
    rf"|\b[Oo]n\s+{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"     # 'On September 24, OFAC designated' (a day past, its year left out)
    r"|\b[Oo]n\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"   # a weekly summary's 'On Tuesday, OFAC designated'
    rf"|^\s*{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?\s*[:–—]"   # a recap's dated entry: 'March 6: OFAC sanctioned'
    # 'the August 25, 2022 action in which OFAC designated', 'its 2023 designations of'
    rf"|\b(?:the|its|this|that|OFAC[’']s|Treasury[’']s)\s+(?:{MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?:19|20)\d\d\s+"
    r"(?:actions?|designations?|sanctions)\b"
    r"|\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b"   # 'In the last two months alone
    rf"|\b(?:in|since)\s+{MONTH}(?:\s+of)?\s+(?:this|last)\s+year\b|\blast\s+(?:year|month|week)\b"
    rf"|\b(?:[Ii]n|[Ss]ince|[Dd]uring)\s+{MONTH}\b(?![\s,]+\d)"   # 'In January, OFAC designated' (a review of the year)
    r"|\bsince\b|\bpreviously\b|\bformerly\b|\bearlier\b|\bprior\s+to\b|\balready\b"
    # "highlighted recent U.S. sanctions under E.O. 14059" (a readout's look back)
    r"|\brecent(?:ly)?\s+(?:U\.S\.\s+|OFAC\s+|Treasury\s+)?(?:[a-z-]+\s+){0,2}?(?:sanctions|designations|actions)\b", re.I)   # ('reviewed recent coordinated actions, including sanctions imposed … pursuant to E.O. 14059')
# Release-level: "X, who was designated pursuant to E.O. 14059, ..." in a release about something
# else is history; a bare past tense counts as such here (the release's own designation
# sentences say "today", "for having", "is being designated" …), not for a single name.
SPECIFIC_HIST_RE = re.compile(HIST_NAME_RE.pattern + r"|\bbuilds\s+(?:up)?on\b|\bfollows\b|\bfollowing\s+(?:OFAC|Treasury)[’']s\b"
                              r"|\b(?:had|has|have)\s+(?:also\s+)?(?:previously\s+)?(?:designated|sanctioned|identified)\b"
                              r"|\b(?:was|were)\s+(?:also\s+)?(?:designated|sanctioned|identified)\b"
                              r"(?!\s+(?:today|as\s+part\s+of\s+today))", re.I)
GOVERNING_VERB = re.compile(r"\b(?:(?:re-?)?designat(?:e|es|ed|ing)|sanction(?:ed|ing))\b", re.I)
_ASIDE = re.compile(r",\s+(?!(?:19|20)\d\d\b)[^,]*?,|—[^—]*—|\([^()]*\)")   # (', 2026,' ends a date: no aside)
OTHER_AUTHORITY = re.compile(r"\bE\.?\s?O\.?\s*(?:\(E\.O\.\)\s*)?(?!14059)\d{5}\b|Kingpin\s+Act|Caesar\s+Act"
                              r"|Executive\s+Order\s+(?:\(E\.O\.\)\s*)?(?!14059)\d{5}|section\s+\d+\s+of", re.I)


# "All six were designated pursuant to E.O. 14059 ...": a bare past tense in a main clause, which tells
# today's action when the clause or the release says so ("for having ...", "Today, OFAC sanctioned ...")
BARE_PAST_RE = re.compile(r"(?<!\bwho\s)(?<!\bwhich\s)(?<!\bthat\s)\b(?:was|were)\s+(?:also\s+)?(?:designated|sanctioned)\b", re.I)


def _markers(text: str, base: int, *, generic: bool = True) -> list[tuple[int, str]]:
    out = [(base + m.start(), "bare" if BARE_PAST_RE.match(text, m.start()) and not HIST_NAME_RE.match(text, m.start())
            else "hist") for m in SPECIFIC_HIST_RE.finditer(text)]
    if generic:
        out += [(base + m.start(), "hist") for m in GENERIC_TIME_RE.finditer(text)]
    out += [(base + m.start(), "current") for m in CURRENT_RE.finditer(text)]
    out += [(base + m.start(), "weak") for m in WEAK_CURRENT_RE.finditer(text)]
    return out


def _mention_verdict(text: str, start: int, end: int, prior_links: list[int]) -> bool | None:
    """True: the clause governing this E.O. 14059 mention announces today's designation;
    False: it tells of an earlier one; None: it says nothing either way."""
    if _RELATIVE_STATUS.search(text, max(0, start - 120), start) and "today" not in text[end:end + 60].lower():
        return False   # "Y, which OFAC designated pursuant to E.O. 14059, ...": a status (today's would say so)
    acts = [m for m in GOVERNING_VERB.finditer(text) if not _not_an_act(text, m)]
    verbs = [m for m in acts if m.end() <= start]
    verb = verbs[-1] if verbs else next((m for m in acts if m.start() >= end), None)
    if verb is not None and verb.end() <= start:
        lead, tail_start = text[:verb.end()], verb.end()
        tail = _ASIDE.sub(lambda m: " " * len(m.group(0)), text[tail_start:start])
    else:
        lead, tail_start, tail = text[:start], start, ""
    after = re.match(r"[^,;]*", text[end:]).group(0)
    if _DATED_AFTER.match(text, end):
        return False   # '... designated pursuant to E.O. 14059 on January 15, 2026': a date past

    marks = _markers(lead, 0) + _markers(tail, tail_start) + _markers(after, end)
    if verb is not None and verb.start() >= end and not CURRENT_RE.search(text):
        # the order named before its verb: 'Using our authority, E.O. 14059, we have sanctioned …' (a recap)
        marks += _markers(text[end:verb.end()], end)
    marks += [(p, "hist") for p in prior_links if p < start + 200]
    hist = [m for m in marks if m[1] == "hist"]
    strong = [m for m in marks if m[1] == "current"]
    weak = [m for m in marks if m[1] == "weak"]
    if not hist and any(m[1] == "bare" for m in marks):
        return True if strong else "bare"   # 'were designated ... for having': today's; bare: the release decides
    if hist and strong:
        return _nearest(hist + strong, start) == "current"
    if hist:
        return False
    if verb is None:
        # no act of designating: a bare "today" ("Today, the Deputy Secretary met … to discuss
        # E.O. 14059") is a readout's, not an action's
        strong = [m for m in strong if not _BARE_TODAY.match(text, m[0])]
    if strong or weak or verb is not None:
        return True
    return None


_RELATIVE_STATUS = re.compile(r"(?:\b(?:which|who|whom)\s+(?:[\w.’'()-]+\s+){0,10}?(?:had\s+|has\s+)?(?:also\s+)?|"
                              # 'the bulk cash smuggling that cartels designated pursuant to E.O. 14059 ... use'
                              r"\b(?:cartels?|organizations?|networks?|groups?|persons?|individuals?|entit(?:y|ies)|compan(?:y|ies))\s+"
                              r"(?:previously\s+|already\s+)?)(?:designated|sanctioned)\s+"
                              # ('transactions with persons designated by the Office of Foreign Assets Control pursuant to')
                              r"(?:by\s+(?:(?!today\b)[\w.’'()-]+\s+){1,8}?)?(?:pursuant\s+to|under)\s+(?:the\s+)?$", re.I)   # ('whom Treasury's ... (OFAC) designated')
_SIGNED = re.compile(r"\bsign(?:ed|s|ing)\b", re.I)
_UNDER_THE_ORDER = re.compile(r"\b[Uu]nder\s+(?:this|the)\s+(?:new\s+)?(?:order|E\.O\.|Executive\s+Order)\b")
_DATED_AFTER = re.compile(rf"\s+(?:on|in)\s+{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d\b", re.I)
_BARE_TODAY = re.compile(r"today\b(?![’']s\s+(?:action|designation|sanction))", re.I)
_AUXILIARY = re.compile(r"(?:\b(?:is|are|was|were|be|been|being|also|today|now|further|additionally|OFAC|Treasury"
                        r"|Department|State|\(OFAC\)|\w+ly)\s+)$", re.I)
_NOT_FINITE = re.compile(r"(?:\b(?:to|will|would|could|can|may|might|should|must|shall)\s+(?:(?:also|further|continue\s+to)\s+)?)$",
                         re.I)


def _not_an_act(text: str, verb: re.Match) -> bool:
    """A designation verb that reports no act: an infinitive or a modal ("tools to sanction",
    "Treasury will designate") or a gerund after anything but an auxiliary ("discussed
    sanctioning fentanyl suppliers")."""
    before = text[max(0, verb.start() - 40):verb.start()]
    if _NOT_FINITE.search(before) or before.endswith(("Specially ", "specially ")):
        return True   # (… 'Specially Designated Global Terrorists': a list's name)
    if text.startswith(" as ", verb.end()) and not _AUXILIARY.search(before):
        return True   # a status: 'cartels designated as Foreign Terrorist Organizations' (not 'X was designated as')
    return verb.group(0).lower().endswith("ing") and not _AUXILIARY.search(before)


def _nearest(markers: list[tuple[int, str]], pos: int) -> str | None:
    before = [(p, k) for p, k in markers if p <= pos]
    if before:
        return max(before)[1]
    after = [(p, k) for p, k in markers if p > pos]
    return min(after)[1] if after else None


# a period's count: 'OFAC sanctioned more than 200 individuals, entities, vessels, and aircraft … in 2025'
_RECAP = re.compile(r"\b(?:designated|sanctioned)\s+(?:more\s+than|over|nearly|almost|some)\s+\d[\d,]*\b[^.;]{0,120}?"
                    r"\b(?:in|during|throughout)\s+(?:19|20)\d\d\b"
                    # ('Over the course of 2023, OFAC designated more than 50 individuals …': the year first)
                    r"|\b(?:over\s+the\s+course\s+of|throughout|during|in)\s+(?:19|20)\d\d,?\s+(?:OFAC|Treasury)\s+"
                    r"(?:has\s+|had\s+)?(?:designated|sanctioned)\s+(?:more\s+than|over|nearly|almost|some)\s+\d", re.I)


def classify_eo14059(sentences: list[Sentence]) -> tuple[bool, list[str]]:
    """True when the release announces designations it makes under E.O. 14059. Returns the
    deciding sentences (evidence), or the rejected ones prefixed with why.

    A sentence counts when it names E.O. 14059 in a clause that announces today's action
    ("Today, OFAC sanctioned …", "… are being designated pursuant to E.O. 14059 for having
    …", "Today's action was taken pursuant to E.O. 14059") and not one that tells of an
    earlier designation ("previously designated …", "In 2023, OFAC designated …", a link to
    another release), nor penalties, settlements, licences, removals or the signing of the
    order. Failing that, a release whose penalty clause names E.O. 14059 counts when it
    announces designations today without naming any other authority."""
    positive, rejected, penalty, bare, signed = [], [], [], [], []
    for sent in sentences:
        text = sent.text
        mentions = list(EO_RE.finditer(text))
        if not mentions:
            continue
        if _RECAP.search(text) and not CURRENT_RE.search(text):
            rejected.append("a recap of a period: " + text)   # ('OFAC sanctioned more than 200 … in 2025, most …')
            continue
        if NEUTRAL_RE.search(text):
            rejected.append("not a designation: " + text)
            if _SIGNED.search(text):
                signed.append(text)
            if re.search(r"\bpenalt(?:y|ies)\b|\bviolations?\s+of\b", text, re.I) and not re.search(
                    r"settle|apparent\s+violation", text, re.I):
                penalty.append(text)
            continue
        verdicts = [_mention_verdict(text, m.start(), m.end(), sent.prior_links) for m in mentions]
        if any(v is True for v in verdicts):
            positive.append(text)
        elif any(v == "bare" for v in verdicts) and not any(v is False for v in verdicts):
            bare.append(text)
            rejected.append("past tense, no date: " + text)
        elif any(v is False for v in verdicts):
            rejected.append("history: " + text)
        else:
            rejected.append("no designation verb: " + text)
    if not positive and signed:
        # the order signed today, named in that sentence, then 'Under this new order, OFAC today designated …'
        for sent in sentences:
            if _UNDER_THE_ORDER.search(sent.text) and CURRENT_RE.search(sent.text) and GOVERNING_VERB.search(sent.text):
                return True, [sent.text, "the order signed: " + signed[0]]
    if not positive and (penalty or bare):
        for sent in sentences:
            text = sent.text
            if (CURRENT_RE.search(text) and GOVERNING_VERB.search(text) and not NEUTRAL_RE.search(text)
                    and not OTHER_AUTHORITY.search(text) and not SPECIFIC_HIST_RE.search(text)):
                return True, [text, "penalty clause: " + penalty[0] if penalty else "past tense, no date: " + bare[0]]
    return (True, positive) if positive else (False, rejected or ["E.O. 14059 is not named in the release"])
