#!/usr/bin/env python3
"""Generate the benchmark corpora (JSON Lines, one article {"id","date","text"} per line).

    python3 bench/make_corpus.py --out CORPUS.jsonl [--sentences N] [--seed S]
        [--shared DIR] [--real-share F] [--real-out REAL.jsonl]
        [--stress-out STRESS.jsonl] [--stress-sentences N] [--data DIR] [--lingua DIR]

Nothing generated here is committed: run.sh writes it into build/bench/ at bench time.

Main corpus (--out): articles of 6-14 sentences (drawn per article), ids bench-000001...,
each with its own date, until about N sentences (default 210,000, so that dyad's own count,
which splits a few items differently, stays above 200,000). Each sentence is either

  * generated from grammar templates that recombine, at run time, the names of dyad's own
    dictionaries (data/actors/*.txt: countries and demonyms, capitals and institutions,
    international organisations, groups, people, media; data/agents.txt: role nouns) with the
    verb and noun phrases of data/verbs.txt (inflected: past, present, perfect, future, modal,
    negated, progressive, passive, participle and infinitive), objects, prepositional phrases,
    dates and places, subordinate and relative clauses, appositives, quotations with
    attribution ("X said", "according to X"), numbers, invented names, and filler sentences
    with no event whose words are drawn, by frequency, from the lexicon of
    liblingua-en-tagger-perl (words.yml, the tagger's own statistics) when it is installed; or
  * (with probability --real-share, default 0.10) one of the real texts of SHARED, read at run
    time, never copied into the repository: the <Text> of every <Sentence> of
    petrarch/text/GigaWord.sample.PETR.xml, PETR2_GSR_validation.ud.xml and
    PETR.UnitTest.records.xml, the stories of tabari/Validate.text (up to its "end of the
    standard validation records" marker) and tabari/TABARI.Demo.text. Without SHARED every
    sentence is generated.

Real corpus (--real-out): each real text exactly once, in articles of 6-14 texts, ids real-N.

Stress corpus (--stress-out): articles of 6-14 hostile-but-valid sentences: 300-400 tokens
long (a few over dyad's 400-token cap, which it reports and skips), lists of 30-150 actors,
clauses and parentheses nested 10-60 deep, odd punctuation and Unicode (no control
characters: those are not text), all-capitals sentences, huge numbers.

The same seed and the same input files give the same bytes (Python's `random` with a fixed
seed; inputs read in sorted order). A summary goes to stderr, with the number of distinct
word forms, to show the vocabulary is not a few hundred sentences repeated.
"""
import argparse
import datetime
import glob
import hashlib
import json
import os
import random
import re
import sys
from bisect import bisect
from itertools import accumulate

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATE = "2024-01-01"
LINGUA_DIR = "/usr/share/perl5/Lingua/EN/Tagger"

# ============================================================== real texts of ../shared


def valid_date(s):
    """YYYY-MM-DD or YYYYMMDD -> YYYY-MM-DD if it is a real date, else None."""
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", s.strip())
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def yymmdd(s):
    """TABARI's YYMMDD; years < 50 are 20xx, the rest 19xx."""
    yy = int(s[:2])
    year = 2000 + yy if yy < 50 else 1900 + yy
    return valid_date("%04d%s" % (year, s[2:]))


def clean_ws(text):
    return re.sub(r"\s+", " ", text).strip()


SENTENCE_RE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
TEXT_RE = re.compile(r"<Text>(.*?)</Text>", re.S)
ATTR_RE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def from_petrarch_xml(path, src):
    out = []
    with open(path, encoding="utf-8") as f:
        xml = f.read()
    xml = re.sub(r"<!--.*?-->", "", xml, flags=re.S)
    for m in SENTENCE_RE.finditer(xml):
        attrs = dict(ATTR_RE.findall(m.group(1)))
        tm = TEXT_RE.search(m.group(2))
        if not tm:
            continue
        text = clean_ws(tm.group(1))
        for ent, ch in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"),
                        ("&amp;", "&")):
            text = text.replace(ent, ch)
        if text:
            out.append((src, valid_date(attrs.get("date", "")) or DEFAULT_DATE, text))
    return out


TABARI_HEAD = re.compile(r"^(\d{6})\s+(\S+)(?:\s+(\S+))?\s*$")


def from_tabari_text(path, src):
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        m = TABARI_HEAD.match(lines[i])
        if not m:
            i += 1
            continue
        date, ident = yymmdd(m.group(1)), m.group(2)
        i += 1
        body = []
        while i < len(lines) and not TABARI_HEAD.match(lines[i]) and \
                not re.match(r"^\d{6}\*", lines[i]):
            body.append(lines[i])
            i += 1
        text = "\n".join(body)
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)   # the record's answer key
        text = re.sub(r"(?m)^#.*$", " ", text)
        text = clean_ws(text.replace("\\n", " "))
        if text.startswith("This is the end of the standard validation records"):
            break
        if not text or ident.startswith("START") or ident.startswith("TIME-"):
            continue
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text):
            continue    # DEBUG-21/22 hold ^Z table separators; dyad rightly rejects binary
        out.append((src, date or DEFAULT_DATE, text))
    return out


def real_texts(shared):
    """[(source, date, text)] and {source: count}."""
    items, counts = [], {}
    if not os.path.isdir(shared):
        counts["shared"] = "absent (%s)" % shared
        return items, counts
    for rel, fn, src in (
        ("petrarch/text/GigaWord.sample.PETR.xml", from_petrarch_xml, "gigaword"),
        ("petrarch/text/PETR2_GSR_validation.ud.xml", from_petrarch_xml, "petr2gsr"),
        ("petrarch/text/PETR.UnitTest.records.xml", from_petrarch_xml, "petr-unittest"),
        ("tabari/Validate.text", from_tabari_text, "tabari-validate"),
        ("tabari/TABARI.Demo.text", from_tabari_text, "tabari-demo"),
    ):
        p = os.path.join(shared, rel)
        if os.path.isfile(p):
            recs = fn(p, src)
            counts[src] = len(recs)
            items.extend(recs)
        else:
            counts[src] = "missing"
    return items, counts


END_RE = re.compile(r"[.!?][\"'\u201d)\]]*\s+[\"'\u201c(]*[A-Z]")


def approx_sentences(text):
    return 1 + len(END_RE.findall(text))

# ============================================================== vocabulary


def dict_entries(path):
    """(section, code, [names], flags) of one dyad dictionary file."""
    section = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1].strip()
                continue
            if "=" not in line:
                continue
            code, rest = line.split("=", 1)
            flags = ""
            m = re.search(r"\{([^}]*)\}\s*$", rest)
            if m:
                flags, rest = m.group(1), rest[:m.start()]
            names = [a.strip() for a in rest.split("|") if a.strip()]
            if names:
                yield section, code.strip(), names, flags


def dict_files(data, kind):
    """A kind's files: KIND.txt, else KIND/*.txt in name order."""
    single = os.path.join(data, kind + ".txt")
    if os.path.isfile(single):
        return [single]
    return sorted(glob.glob(os.path.join(data, kind, "*.txt")))


DEMONYM_END = ("an", "ian", "ese", "i", "ish", "ch", "ic", "ine", "ot", "iot", "ene", "er")
NOT_A_PLACE = re.compile(r"Department|House|Office|Council|Committee|Palace|Street|Hill|"
                         r"Bottom|Court|Congress|Senate|Agency|Bureau|Service|Force|Corps|"
                         r"Army|Navy|Guard|Police|Authority|Assembly|Duma|Knesset|Ministry|"
                         r"Yard|Command|Zhongnanhai|Whitehall|Kremlin|Elys|Quai|Majlis|Rada|"
                         r"Bundes|Sabha|Pentagon|[A-Z]{2,}|Central|Intelligence|Shin|Mossad")

# Places that are not the seat of an actor (meetings happen there), and more first names and
# surnames than the dictionaries hold: named people are the commonest unknown words of news.
EXTRA_PLACES = ["Geneva", "Paris", "Vienna", "Brussels", "Oslo", "The Hague", "Rome", "Sharm el-Sheikh",
                "Davos", "Munich", "Istanbul", "Dubai", "Aqaba", "Rafah", "Khan Younis", "Jenin",
                "Nablus", "Hebron", "Tyre", "Sidon", "Aleppo", "Idlib", "Homs", "Mosul", "Basra",
                "Kandahar", "Herat", "Peshawar", "Karachi", "Lahore", "Mumbai", "Kolkata",
                "Shanghai", "Hong Kong", "Osaka", "Busan", "Kharkiv", "Odesa", "Donetsk", "Lviv",
                "Mariupol", "Bakhmut", "Benghazi", "Tripoli", "Misrata", "Aden", "Hodeidah",
                "Marib", "Mogadishu", "Goma", "Juba", "El Fasher", "Darfur", "Timbuktu", "Gao",
                "Lagos", "Kano", "Maiduguri", "Johannesburg", "Cape Town", "Sao Paulo",
                "Rio de Janeiro", "Medellin", "Cali", "Guadalajara", "Tijuana", "Chicago",
                "Los Angeles", "New York", "Houston", "Toronto", "Montreal", "Sydney", "Melbourne"]
FIRST_NAMES = ["Ahmed", "Mohammed", "Ali", "Hassan", "Omar", "Khaled", "Youssef", "Ibrahim",
               "Fatima", "Aisha", "Leila", "Nour", "Mariam", "Sara", "Rania", "Huda", "David",
               "Michael", "John", "James", "Robert", "Maria", "Elena", "Anna", "Olga", "Ivan",
               "Sergei", "Dmitri", "Andriy", "Oleksandr", "Yulia", "Wei", "Li", "Zhang", "Hiroshi",
               "Kenji", "Yuki", "Min-jun", "Ji-woo", "Rahul", "Priya", "Arjun", "Sanjay", "Imran",
               "Bilal", "Tariq", "Farid", "Karim", "Samir", "Walid", "Nabil", "Jean", "Pierre",
               "Claire", "Sophie", "Hans", "Klaus", "Ingrid", "Lars", "Pedro", "Juan", "Carlos",
               "Luis", "Ana", "Gabriela", "Kwame", "Amina", "Chidi", "Ngozi", "Abdi", "Hamza",
               "Yitzhak", "Avi", "Yael", "Noa", "Moshe", "Recep", "Mehmet", "Ayse", "Reza", "Mahmoud"]
SURNAMES = ["Karimov", "Haddad", "Mansour", "Khalil", "Nasser", "Saleh", "Rahman", "Hussein",
            "Qasim", "al-Masri", "al-Najjar", "Abu Zeid", "Barghouti", "Darwish", "Ivanov",
            "Petrenko", "Kovalenko", "Smirnova", "Chen", "Wang", "Liu", "Tanaka", "Suzuki", "Kim",
            "Park", "Sharma", "Gupta", "Khan", "Qureshi", "Siddiqui", "Dubois", "Martin", "Lefebvre",
            "Schmidt", "Muller", "Johansson", "Garcia", "Rodriguez", "Fernandez", "Silva",
            "Okafor", "Mensah", "Abdullahi", "Warsame", "Cohen", "Levi", "Mizrahi", "Friedman",
            "Yilmaz", "Demir", "Ahmadi", "Hosseini", "Tehrani", "Jaber", "Obeid", "Smith",
            "Johnson", "Brown", "Miller", "Wilson", "Anderson", "Taylor", "Thompson", "Harris"]
SYLLABLES = ["ka", "ri", "mo", "ba", "sa", "ne", "lo", "ta", "ha", "di", "ru", "zi", "fa", "mi",
             "ko", "la", "vi", "to", "na", "shi", "ya", "go", "de", "ar", "el", "om", "un"]
SURNAME_ENDS = ["ov", "ev", "enko", "i", "a", "an", "el", "ani", "oglu", "wski", "son", "er",
                "ez", "os", "yan", "uddin", "allah", "ski", "ic", "o"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AGENCIES = ["Reuters", "AP", "AFP", "Xinhua", "dpa", "Anadolu", "UPI", "Kyodo"]

# A core lexicon for fillers and modifiers when the tagger's lexicon is not installed.
CORE = {
    "nn": ["market", "economy", "report", "price", "plan", "project", "road", "water", "city",
           "region", "crisis", "budget", "border", "election", "court", "school", "hospital",
           "network", "industry", "company", "oil", "gas", "harvest", "storm", "drought",
           "flood", "bridge", "port", "airport", "railway", "currency", "inflation", "debt"],
    "nns": ["prices", "talks", "reports", "residents", "workers", "farmers", "shares", "exports",
            "imports", "roads", "schools", "hospitals", "officials", "analysts", "voters"],
    "jj": ["new", "local", "economic", "political", "regional", "annual", "heavy", "small",
           "large", "recent", "major", "senior", "former", "national", "military", "public"],
    "vbd": ["rose", "fell", "opened", "closed", "grew", "declined", "increased", "remained",
            "continued", "began", "ended", "started", "dropped", "recovered", "stalled"],
    "rb": ["sharply", "slightly", "steadily", "quickly", "slowly", "already", "still", "also"],
    "vbn": ["reported", "published", "built", "damaged", "closed", "delayed", "expected"],
    "nnp": ["Acme", "Gazprom", "Aramco", "Siemens", "Toyota", "Boeing", "Airbus", "Huawei"],
}


class Weighted:
    """Sample by weight with one random() and a bisect."""

    def __init__(self, items, weights):
        self.items = items
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1] if self.cum else 0

    def __call__(self, rng):
        return self.items[bisect(self.cum, rng.random() * self.total)]


def load_lexicon(lingua, stats):
    """Words of the tagger's lexicon by Penn tag, weighted by their counts."""
    path = os.path.join(lingua, "words.yml")
    lex = {}
    if os.path.isfile(path):
        want = {"nn", "nns", "jj", "vbd", "rb", "vbn", "nnp"}
        ent = re.compile(r'^"?([^":]+)"?:\s*\{(.*)\}\s*$')
        acc = {t: ([], []) for t in want}
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = ent.match(line.strip())
                if not m:
                    continue
                word = m.group(1)
                if not re.fullmatch(r"[A-Za-z]+(?:-[a-z]+)?", word) or len(word) < 3:
                    continue
                for part in m.group(2).split(","):
                    if ":" not in part:
                        continue
                    tag, n = part.split(":", 1)
                    tag = tag.strip()
                    try:
                        n = int(n)
                    except ValueError:
                        continue
                    if tag not in want or n < 2:
                        continue
                    if tag == "nnp" and not word[0].isupper():
                        continue
                    if tag != "nnp" and not word.islower():
                        continue
                    acc[tag][0].append(word)
                    acc[tag][1].append(n)
        for t, (w, n) in acc.items():
            if len(w) >= 20:
                lex[t] = Weighted(w, n)
        stats["lexicon"] = "%s (%d words)" % (path, sum(len(v.items) for v in lex.values()))
    else:
        stats["lexicon"] = "not found (%s): built-in word lists" % path
    for t, words in CORE.items():
        if t not in lex:
            lex[t] = Weighted(words, [1] * len(words))
    return lex


def plural(word):
    w = word.split(" ")
    last = w[-1]
    irregular = {"man": "men", "woman": "women", "child": "children", "person": "people",
                 "people": "people", "police": "police", "media": "media", "militia": "militias",
                 "intelligence": "intelligence", "leadership": "leadership", "army": "armies",
                 "navy": "navies", "analysis": "analyses", "crisis": "crises"}
    if last.lower() in irregular:
        last = irregular[last.lower()]
    elif last.isupper():
        last += "s"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    w[-1] = last
    return " ".join(w)


def title_case(phrase):
    small = {"of", "for", "the", "and", "on", "in", "to", "de", "al"}
    return " ".join(x if x in small or x.isupper() else x[:1].upper() + x[1:]
                    for x in phrase.split(" "))


class Vocab:
    def __init__(self, data, lingua, stats):
        self.countries = []        # (name, [names], [demonyms])
        self.seats = []            # capitals used as the government ("Cairo said")
        self.institutions = []     # "the State Department", "the Pentagon"
        self.orgs = []             # igos, groups, media: (text, kind)
        self.people = []           # dictionary names of people
        self.places = list(EXTRA_PLACES)
        for path in dict_files(data, "actors"):
            for section, code, names, flags in dict_entries(path):
                if section == "country" and len(code) == 3 and code.isalpha():
                    first = names[0]
                    dem = [n for n in names[1:] if " " not in n and not n.isupper() and
                           n[:1].isupper() and n.lower().endswith(DEMONYM_END) and "." not in n]
                    short = [n for n in names if not re.match(r"(Republic|Kingdom|State|"
                                                              r"Commonwealth|Principality|"
                                                              r"Federation|People|Plurinational|"
                                                              r"Islamic|Democratic|United Republic)",
                                                              n) and n not in dem]
                    self.countries.append((first, short or [first], dem))
                elif section == "country":
                    for n in names:
                        if not NOT_A_PLACE.search(n) and len(n.split()) <= 2:
                            self.seats.append(n)
                            self.places.append(n)
                        else:
                            self.institutions.append(n if n.isupper() or n.startswith("U.S.")
                                                     else "the " + n)
                elif section in ("igo", "group", "media"):
                    for n in names:
                        art = (len(n.split()) > 1 and not n.split()[0].isupper() and
                               not n.lower().startswith(("al-", "al ", "hay", "ansar", "tehr",
                                                         "izz", "sar", "boko", "hamas")))
                        self.orgs.append(("the " + n if art else n, section))
                elif section == "person":
                    self.people.extend(n for n in names if " " in n)
        self.roles = {}
        for path in dict_files(data, "agents"):
            for section, code, names, flags in dict_entries(path):
                self.roles.setdefault(code, []).extend(n for n in names)
        self.verbs, self.nouns = [], []
        for path in dict_files(data, "verbs"):
            for section, code, names, flags in dict_entries(path):
                if section not in ("verb", "noun"):
                    continue  # [mood]: words, not phrases
                for n in names:
                    words = n.split()
                    if section == "noun":
                        self.nouns.append((code, words, flags))
                    else:
                        self.verbs.append((code, words, flags))
        self.speech = [v for v in self.verbs if "speech" in v[2] and len(v[1]) <= 3 and
                       "TGT" not in v[1] and v[1][0] not in ("not", "be", "have")]
        if not self.countries or not self.verbs:
            raise SystemExit("make_corpus: no actors or verbs found under %s" % data)
        self.gov_roles = [r for r in self.roles.get("GOV", []) if r[:1].islower()]
        self.other_roles = [r for k, v in sorted(self.roles.items()) if k != "GOV"
                            for r in v if r[:1].islower()]
        self.lex = load_lexicon(lingua, stats)
        stats["vocabulary"] = ("%d countries, %d seats/places, %d institutions, %d organisations, "
                               "%d people, %d role nouns, %d verb and %d noun phrases"
                               % (len(self.countries), len(self.places), len(self.institutions),
                                  len(self.orgs), len(self.people),
                                  sum(len(v) for v in self.roles.values()), len(self.verbs),
                                  len(self.nouns)))

# ============================================================== inflection


IRREGULAR = {
    "be": ("was", "been"), "have": ("had", "had"), "do": ("did", "done"), "say": ("said", "said"),
    "tell": ("told", "told"), "meet": ("met", "met"), "hold": ("held", "held"),
    "give": ("gave", "given"), "take": ("took", "taken"), "make": ("made", "made"),
    "send": ("sent", "sent"), "seek": ("sought", "sought"), "fight": ("fought", "fought"),
    "lead": ("led", "led"), "leave": ("left", "left"), "set": ("set", "set"),
    "put": ("put", "put"), "go": ("went", "gone"), "come": ("came", "come"),
    "throw": ("threw", "thrown"), "shoot": ("shot", "shot"), "strike": ("struck", "struck"),
    "break": ("broke", "broken"), "speak": ("spoke", "spoken"), "write": ("wrote", "written"),
    "withdraw": ("withdrew", "withdrawn"), "bring": ("brought", "brought"),
    "buy": ("bought", "bought"), "sell": ("sold", "sold"), "freeze": ("froze", "frozen"),
    "begin": ("began", "begun"), "win": ("won", "won"), "lose": ("lost", "lost"),
    "keep": ("kept", "kept"), "stand": ("stood", "stood"), "hit": ("hit", "hit"),
    "cut": ("cut", "cut"), "shut": ("shut", "shut"), "spread": ("spread", "spread"),
    "draw": ("drew", "drawn"), "drive": ("drove", "driven"), "forgive": ("forgave", "forgiven"),
    "see": ("saw", "seen"), "know": ("knew", "known"), "blow": ("blew", "blown"),
    "fly": ("flew", "flown"), "beat": ("beat", "beaten"), "build": ("built", "built"),
    "catch": ("caught", "caught"), "choose": ("chose", "chosen"), "deal": ("dealt", "dealt"),
    "feel": ("felt", "felt"), "find": ("found", "found"), "flee": ("fled", "fled"),
    "forbid": ("forbade", "forbidden"), "get": ("got", "gotten"), "hear": ("heard", "heard"),
    "hide": ("hid", "hidden"), "hurt": ("hurt", "hurt"), "let": ("let", "let"),
    "lay": ("laid", "laid"), "lend": ("lent", "lent"), "mean": ("meant", "meant"),
    "overthrow": ("overthrew", "overthrown"), "pay": ("paid", "paid"), "quit": ("quit", "quit"),
    "read": ("read", "read"), "rise": ("rose", "risen"), "run": ("ran", "run"),
    "shake": ("shook", "shaken"), "sink": ("sank", "sunk"), "spend": ("spent", "spent"),
    "steal": ("stole", "stolen"), "sweep": ("swept", "swept"), "swear": ("swore", "sworn"),
    "teach": ("taught", "taught"), "think": ("thought", "thought"),
    "undertake": ("undertook", "undertaken"), "understand": ("understood", "understood"),
    "uphold": ("upheld", "upheld"), "withhold": ("withheld", "withheld"),
    "overrun": ("overran", "overrun"), "become": ("became", "become"), "bid": ("bid", "bid"),
    "broadcast": ("broadcast", "broadcast"), "shed": ("shed", "shed"), "split": ("split", "split"),
    "tear": ("tore", "torn"), "foresee": ("foresaw", "foreseen"), "oversee": ("oversaw", "overseen"),
    "rebuild": ("rebuilt", "rebuilt"), "retake": ("retook", "retaken"),
    "withstand": ("withstood", "withstood"), "slay": ("slew", "slain"), "bind": ("bound", "bound"),
    "light": ("lit", "lit"), "stick": ("stuck", "stuck"), "hang": ("hanged", "hanged"),
    "bear": ("bore", "borne"), "ride": ("rode", "ridden"), "mislead": ("misled", "misled"),
    "arise": ("arose", "arisen"), "upset": ("upset", "upset"), "forsake": ("forsook", "forsaken"),
}
DOUBLE = {"admit", "commit", "permit", "omit", "submit", "regret", "prefer", "refer", "confer",
          "defer", "deter", "transfer", "control", "patrol", "compel", "expel", "repel", "rebel",
          "propel", "dispel", "occur", "recur", "equip", "kidnap", "worship", "abet", "acquit",
          "embed", "format", "outwit", "forget", "begin", "extol", "annul", "excel", "overlap"}
VOWELS = "aeiou"


def _doubles(v):
    if v in DOUBLE:
        return True
    if len(v) < 3 or len(re.findall(r"[aeiouy]+", v)) != 1:
        return False
    return (v[-1] not in VOWELS + "wxy" and v[-2] in VOWELS and v[-3] not in VOWELS)


def past(v):
    if v in IRREGULAR:
        return IRREGULAR[v][0]
    if v.endswith("e"):
        return v + "d"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ied"
    if _doubles(v):
        return v + v[-1] + "ed"
    return v + "ed"


def participle(v):
    if v in IRREGULAR:
        return IRREGULAR[v][1]
    return past(v)


def third(v):
    special = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if v in special:
        return special[v]
    if re.search(r"(s|x|z|ch|sh|o)$", v):
        return v + "es"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ies"
    return v + "s"


def gerund(v):
    if v == "be":
        return "being"
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    if _doubles(v):
        return v + v[-1] + "ing"
    return v + "ing"

# ============================================================== noun phrases


class NP:
    __slots__ = ("text", "pl", "pron", "short", "kind")

    def __init__(self, text, pl=False, pron="it", short=None, kind="org"):
        self.text, self.pl, self.pron, self.short, self.kind = text, pl, pron, short, kind


class Gen:
    def __init__(self, vocab, rng):
        self.v = vocab
        self.r = rng
        self.sent_count = 0

    # ---------------------------------------------------------------- small pieces
    def pick(self, seq):
        return seq[int(self.r.random() * len(seq))]

    def chance(self, p):
        return self.r.random() < p

    def word(self, tag):
        return self.v.lex[tag](self.r)

    def number(self):
        r = self.r.random()
        if r < 0.45:
            return str(self.r.randint(2, 99))
        if r < 0.7:
            return "{:,}".format(self.r.randint(100, 99999))
        if r < 0.8:
            return self.pick(["two", "three", "four", "five", "six", "seven", "eight", "nine",
                              "ten", "dozens of", "hundreds of", "thousands of", "a dozen"])
        if r < 0.9:
            return "%d.%d" % (self.r.randint(1, 99), self.r.randint(0, 9))
        return "%d" % self.r.randint(100, 999)

    def money(self):
        return self.pick(["$", "$", "€", "£", "US$"]) + "%d.%d %s" % (
            self.r.randint(1, 900), self.r.randint(0, 9), self.pick(["million", "billion"]))

    def person_name(self):
        if self.chance(0.7):
            sur = self.pick(SURNAMES)
        else:
            sur = "".join(self.pick(SYLLABLES) for _ in range(self.r.randint(1, 3)))
            sur = sur.capitalize() + self.pick(SURNAME_ENDS)
        return self.pick(FIRST_NAMES) + " " + sur, sur

    def time(self):
        r = self.r.random()
        if r < 0.35:
            return "on " + self.pick(DAYS)
        if r < 0.55:
            return "on %s %d" % (self.pick(MONTH_ABBR), self.r.randint(1, 28))
        return self.pick(["last week", "earlier this month", "late on " + self.pick(DAYS),
                          "this week", "in " + self.pick(MONTHS), "in %d" % self.r.randint(1990, 2025),
                          "overnight", "early on " + self.pick(DAYS), "last month",
                          "two days ago", "on Sunday night", "since " + self.pick(MONTHS)])

    def place(self):
        p = self.pick(self.v.places)
        r = self.r.random()
        if r < 0.5:
            return "in " + p
        if r < 0.7:
            return "near " + p
        if r < 0.85:
            return "in the %s %s" % (self.pick(["capital", "city of", "town of", "port city of"]), p)
        return "at %s in %s" % (self.pick(["a hotel", "the presidential palace", "talks",
                                           "a news conference", "a summit", "a meeting",
                                           "the headquarters of " + self.pick(self.v.orgs)[0]]), p)

    def adjunct(self):
        r = self.r.random()
        if r < 0.35:
            return self.time()
        if r < 0.6:
            return self.place()
        if r < 0.72:
            return "%s %s %s" % (self.pick(["amid", "after", "following", "despite", "ahead of"]),
                                 self.word("jj") if self.chance(0.6) else "growing",
                                 self.pick(["tensions", "talks", "protests", "clashes",
                                            "pressure", "criticism", "concerns", "violence",
                                            self.word("nns"), self.word("nn")]))
        if r < 0.8:
            return "for the first time in %s years" % self.number()
        if r < 0.88:
            return "in a %s %s" % (self.pick(["statement", "televised speech", "letter",
                                              "post on X", "phone call", "interview with " +
                                              self.pick(AGENCIES)]), self.time())
        if r < 0.94:
            return "over the %s of %s" % (self.pick(["fate", "future", "issue", "question",
                                                     "status"]), self.pick(self.v.places))
        return "worth " + self.money()

    # ---------------------------------------------------------------- actors
    def country(self):
        return self.pick(self.v.countries)

    def fresh_actor(self):
        """A new actor as an NP, with its later short form and pronoun."""
        v = self.v
        r = self.r.random()
        name, names, dem = self.country()
        cname = self.pick(names)
        if r < 0.18:
            return NP(cname, False, "it", cname, "country")
        if r < 0.42:                                   # country + government role
            role = self.pick(v.gov_roles if self.chance(0.7) else v.other_roles)
            pron = "they" if False else ("he" if self.chance(0.6) else "she")
            f = self.r.random()
            if f < 0.3 and dem:
                txt = "the %s %s" % (self.pick(dem), role)
            elif f < 0.55:
                txt = "%s's %s" % (cname, role)
            elif f < 0.75:
                txt = "the %s of %s" % (role, cname)
            else:
                full, sur = self.person_name()
                lead = (self.pick(dem) + " ") if dem and self.chance(0.7) else ""
                txt = "%s%s %s" % (lead, title_case(role), full)
                return NP(txt, False, pron, sur, "person")
            if self.chance(0.3):
                return NP(plural(txt), True, "they", "the " + plural(role.split()[-1]), "group")
            return NP(txt, False, pron if role in ("minister", "president") else "it",
                      "the " + role.split()[-1], "office")
        if r < 0.52:
            full, sur = self.person_name()
            role = self.pick(v.gov_roles + v.other_roles)
            txt = "%s, %s %s %s," % (full, self.pick(["a", "the"]), role,
                                     self.pick(["of " + cname, "for " + cname, "in " + cname]))
            return NP(txt, False, self.pick(["he", "she"]), sur, "person")
        if r < 0.62 and v.people:
            full = self.pick(v.people)
            return NP(full, False, "he", full.split()[-1], "person")
        if r < 0.72 and v.institutions:
            t = self.pick(v.institutions)
            return NP(t, False, "it", t, "org")
        if r < 0.78 and v.seats:
            t = self.pick(v.seats)
            return NP(t, False, "it", t, "country")
        if r < 0.9 and v.orgs:
            t, kind = self.pick(v.orgs)
            short = {"igo": "the organisation", "group": "the group", "media": t}[kind]
            return NP(t, False, "it", short, "org")
        # plural groups of people
        noun = self.pick(["protesters", "demonstrators", "gunmen", "militants", "troops",
                          "soldiers", "rebels", "residents", "police", "settlers", "fighters",
                          "activists", "lawmakers", "officials", "diplomats", "negotiators",
                          plural(self.pick(v.other_roles))])
        mod = self.pick([self.pick(dem) + " " if dem else "", "", "%s " % self.number(),
                         "armed ", "hundreds of ", "some "])
        return NP((mod + noun).strip(), True, "they", "the " + noun.split()[-1], "group")

    def mention(self, cast, fresh_p=0.25):
        """An actor of the article (first mention in full, later short or a pronoun)."""
        if not cast or self.chance(fresh_p):
            np_ = self.fresh_actor()
            cast.append([np_, 0])
            if len(cast) > 8:
                del cast[0]
            return np_.text, np_.pl
        entry = self.pick(cast)
        np_, seen = entry
        entry[1] += 1
        if seen == 0:
            return np_.text, np_.pl
        r = self.r.random()
        if r < 0.3:
            return np_.pron if np_.pron != "it" or self.chance(0.3) else np_.short, np_.pl
        if r < 0.7 and np_.short:
            return np_.short, np_.pl
        return np_.text.rstrip(","), np_.pl

    def subject(self, cast):
        if self.chance(0.08):                        # compound subject
            a, _ = self.mention(cast)
            b, _ = self.mention(cast)
            if self.chance(0.3):
                c, _ = self.mention(cast)
                return "%s, %s and %s" % (a.rstrip(","), b.rstrip(","), c), True
            return "%s and %s" % (a.rstrip(","), b), True
        return self.mention(cast)

    def objnp(self, cast):
        if self.chance(0.75):
            return self.mention(cast, 0.35)[0].rstrip(",")
        return "the %s %s" % (self.word("jj"), self.word("nn"))

    # ---------------------------------------------------------------- verb phrases
    def vp_words(self, cast, words):
        """The words after the head, slots filled."""
        out = []
        for w in words:
            if w == "TGT":
                out.append(self.objnp(cast))
            elif w == "SRC":
                out.append(self.objnp(cast))
            else:
                out.append(w)
        return out

    def finite(self, head, tense, pl, neg):
        """Auxiliaries + head for a tense; returns a list of words."""
        if head == "be":
            forms = {"past": ["were" if pl else "was"], "pres": ["are" if pl else "is"],
                     "perf": ["have" if pl else "has", "been"], "fut": ["will", "be"],
                     "modal": [self.pick(["could", "would", "may", "might"]), "be"],
                     "prog": ["were" if pl else "was"]}
            f = forms[tense]
            return f[:1] + ["not"] + f[1:] if neg else f
        if tense == "past":
            return ["did", "not", head] if neg else [past(head)]
        if tense == "pres":
            if neg:
                return ["do" if pl else "does", "not", head]
            return [head if pl else third(head)]
        if tense == "perf":
            return ["have" if pl else "has"] + (["not"] if neg else []) + [participle(head)]
        if tense == "fut":
            return ["will"] + (["not"] if neg else []) + [head]
        if tense == "modal":
            return [self.pick(["could", "would", "may", "might", "should"])] + \
                (["not"] if neg else []) + [head]
        return ["were" if pl else "was"] + (["not"] if neg else []) + [gerund(head)]

    def verb_phrase(self, cast, pl, tense=None, pattern=None):
        """A finite verb phrase from a verb pattern of the dictionaries."""
        code, words, flags = pattern or self.pick(self.v.verbs)
        neg = False
        if words[0] == "not":
            neg, words = True, words[1:]
        if not words:
            words = ["say"]
        if tense is None:
            r = self.r.random()
            tense = ("past" if r < 0.6 else "perf" if r < 0.7 else "pres" if r < 0.8 else
                     "fut" if r < 0.88 else "modal" if r < 0.93 else "prog")
        if not neg and self.chance(0.05):
            neg = True
        head, rest = words[0], self.vp_words(cast, words[1:])
        vp = self.finite(head, tense, pl, neg) + rest
        if "TGT" not in words and head not in ("be", "have") and self.chance(0.35):
            vp.append(self.objnp(cast))
        return " ".join(vp)

    def nonfinite(self, cast, kind):
        """Infinitive ("to call on X") or gerund ("calling on X") phrase."""
        code, words, flags = self.pick(self.v.verbs)
        if words[0] == "not":
            words = words[1:] or ["say"]
        head = words[0]
        first = ("to " + head) if kind == "inf" else gerund(head)
        return " ".join([first] + self.vp_words(cast, words[1:]))

    def adjuncts(self, n_max=2):
        n = self.r.randint(0, n_max)
        return "".join(" " + self.adjunct() for _ in range(n))

    # ---------------------------------------------------------------- clauses
    def clause(self, cast, tense=None):
        subj, pl = self.subject(cast)
        if self.chance(0.12):                       # relative clause or appositive on subject
            subj = subj.rstrip(",")
            if self.chance(0.5):
                rel = "who" if self.chance(0.5) else "which"
                subj = "%s, %s %s," % (subj, rel, self.verb_phrase(cast, pl, "past"))
            else:
                role = self.pick(self.v.gov_roles + self.v.other_roles)
                subj = "%s, the %s of %s," % (subj, role, self.pick(self.country()[1]))
        if self.chance(0.1):                        # "X plans to ..." / "is expected to ..."
            lead = self.pick(["agreed", "planned", "vowed", "threatened", "refused", "decided",
                              "promised", "tried", "wanted", "is expected", "is due", "is set",
                              "has pledged", "has refused", "appeared"])
            return "%s %s %s%s" % (subj, lead, self.nonfinite(cast, "inf"), self.adjuncts(1))
        return "%s %s%s" % (subj, self.verb_phrase(cast, pl, tense), self.adjuncts(2))

    def speaker(self, cast):
        s, pl = self.mention(cast, 0.3)
        return s.rstrip(","), pl

    def say_verb(self, pl, tense="past"):
        if self.chance(0.75) or not self.v.speech:
            head = "say"
        else:
            head = self.pick(self.v.speech)[1][0]
        if tense == "past":
            return past(head)
        return head if pl else third(head)

    def quote_text(self, cast):
        r = self.r.random()
        if r < 0.4:
            return self.clause(cast)
        if r < 0.7:
            return "we %s %s" % (self.pick(["will not accept", "are ready for", "reject",
                                            "welcome", "are studying", "will respond to",
                                            "cannot ignore", "condemn"]),
                                 self.pick(["this", "any " + self.word("nn"),
                                            "the " + self.word("jj") + " " + self.word("nn"),
                                            "these " + self.word("nns"), "what happened"]))
        return "%s is %s %s" % (self.pick(["this", "the situation", "the " + self.word("nn"),
                                           "our position"]),
                                self.pick(["very", "extremely", "not", "clearly", "deeply"]),
                                self.word("jj"))

    # ---------------------------------------------------------------- sentences
    def sentence(self, cast):
        r = self.r.random()
        if r < 0.28:
            s = self.clause(cast)
        elif r < 0.46:                              # reported speech
            spk, pl = self.speaker(cast)
            c = self.clause(cast)
            f = self.r.random()
            if f < 0.35:
                s = "%s %s %s%s" % (spk, self.say_verb(pl), "that " if self.chance(0.4) else "", c)
            elif f < 0.65:
                s = "%s, %s %s%s" % (c, spk, self.say_verb(pl), self.adjuncts(1))
            elif f < 0.85:
                s = "According to %s, %s" % (spk, c)
            else:
                s = "%s, according to %s" % (c, spk)
        elif r < 0.56:                              # quotations
            spk, pl = self.speaker(cast)
            q = self.quote_text(cast)
            q = q[0].upper() + q[1:]
            f = self.r.random()
            if f < 0.45:
                s = "\u201c%s,\u201d %s %s" % (q, spk, self.say_verb(pl))
            elif f < 0.7:
                s = "\"%s,\" %s %s%s" % (q, self.say_verb(pl), spk, self.adjuncts(1))
            elif f < 0.85:
                s = "%s %s: \"%s.\"" % (spk, self.say_verb(pl), q)
                return s
            else:                                   # a quotation over two sentences
                q2 = self.quote_text(cast)
                s = "\"%s. %s,\" %s %s" % (q, q2[0].upper() + q2[1:], spk, self.say_verb(pl))
                self.sent_count += 1
        elif r < 0.66:                              # subordinate clauses
            conj = self.pick(["after", "before", "as", "while", "although", "because", "when",
                              "since", "even though", "if", "unless"])
            c1 = self.clause(cast, "past" if conj not in ("if", "unless") else "pres")
            c2 = self.clause(cast, "fut" if conj in ("if", "unless") else None)
            s = ("%s %s, %s" % (conj.capitalize(), c1, c2)) if self.chance(0.5) else \
                ("%s %s %s" % (c2, conj, c1))
        elif r < 0.71:                              # participle clause
            s = "%s, %s%s" % (self.clause(cast), self.nonfinite(cast, "ger"), self.adjuncts(1))
        elif r < 0.78:                              # event nouns
            code, words, flags = self.pick(self.v.nouns) if self.v.nouns else \
                ("", ["meeting", "with", "TGT"], "")
            np_ = " ".join(self.vp_words(cast, words))
            f = self.r.random()
            if f < 0.3:
                s = "The %s %s%s" % (np_, self.pick(["was held", "took place", "ended",
                                                     "lasted %s hours" % self.number(),
                                                     "was postponed", "began"]), self.adjuncts(2))
            elif f < 0.6:
                s = "%s %s the %s%s" % (self.mention(cast)[0], self.pick(
                    ["announced", "condemned", "welcomed", "confirmed", "criticised", "denied"]),
                    np_, self.adjuncts(1))
            else:
                s = "A%s %s %s %s %s" % ("n" if np_[:1] in "aeiou" else "", np_,
                                         self.pick(["killed", "wounded", "left", "injured"]),
                                         self.number(), self.pick(["people", "civilians",
                                                                   "soldiers", "fighters"]))
                s += self.adjuncts(1)
        elif r < 0.82:                              # passive
            code, words, flags = self.pick(self.v.verbs)
            words = [w for w in words if w != "not"] or ["say"]
            tgt, pl = self.mention(cast)
            rest = " ".join(self.vp_words(cast, [w for w in words[1:] if w != "TGT"]))
            s = "%s %s %s%s by %s%s" % (tgt.rstrip(","), "were" if pl else "was",
                                        participle(words[0]), (" " + rest) if rest else "",
                                        self.objnp(cast), self.adjuncts(1))
        elif r < 0.86:                              # coordination
            s = "%s, %s %s" % (self.clause(cast), self.pick(["and", "but", "while"]),
                               self.clause(cast))
        elif r < 0.97:
            s = self.filler(cast)
        else:                                       # numbers
            s = "%s %s %s %s, %s %s" % (
                self.pick(["At least", "More than", "Nearly", "About", "Up to"]), self.number(),
                self.pick(["people", "civilians", "soldiers", "protesters", "migrants"]),
                self.pick(["were killed", "were wounded", "have died", "were arrested",
                           "were displaced", "fled"]) + self.adjuncts(1),
                self.pick(["the health ministry said", "officials said", "a monitor said",
                           "according to the United Nations", "a hospital spokesman said"]),
                self.time())
        s = s.strip()
        end = "." if self.chance(0.97) else self.pick(["?", "!"])
        return s[0].upper() + s[1:] + end

    def filler(self, cast):
        w, n = self.word, self.number
        f = self.r.randint(0, 13)
        if f == 0:
            return "The %s %s %s %s %s" % (w("jj"), w("nn"), w("vbd"), w("rb"), self.time())
        if f == 1:
            return "%s %s %s percent to %s %s" % (
                self.pick([w("nnp") + " shares", "Oil prices", "The " + w("jj") + " index",
                           "Exports", "Inflation", "Unemployment"]),
                self.pick(["rose", "fell", "climbed", "dropped", "slipped", "jumped"]),
                "%d.%d" % (self.r.randint(0, 20), self.r.randint(0, 9)), self.money(), self.time())
        if f == 2:
            return "%s has a population of about %s" % (self.pick(self.v.places), "{:,}".format(
                self.r.randint(10000, 30000000)))
        if f == 3:
            return "It was not immediately clear how many %s were %s" % (w("nns"), w("vbn"))
        if f == 4:
            return "The %s is expected to %s by the end of the %s" % (
                w("nn"), self.pick(["open", "close", "grow", "finish", "resume", "expand"]),
                self.pick(["year", "month", "week", "decade", "season"]))
        if f == 5:
            return "Temperatures reached %d degrees Celsius %s %s" % (
                self.r.randint(-20, 48), self.place(), self.time())
        if f == 6:
            return "The %s, which %s %s %s, %s %s %s %s" % (
                w("nn"), w("vbd"), w("rb"), self.time(), w("vbd"), self.pick(["the", "a", "its"]),
                w("jj"), w("nn"))
        if f == 7:
            return "Officials gave no further details"
        if f == 8:
            return "The %s %s %s %s %s and %s %s" % (
                w("jj"), w("nns"), w("vbd"), self.pick(["in", "at", "near", "across"]),
                self.pick(self.v.places), w("vbd"), w("rb"))
        if f == 9:
            return "%s %s, a %s %s with %s %s, %s %s %s" % (
                self.pick(["The", "Last year's", "This"]), w("nn"), w("jj"), w("nn"), n(),
                w("nns"), w("vbd"), self.pick(["the", "a"]), w("nn"))
        if f == 10:
            return "The %s of the %s %s was %s in %d" % (
                w("nn"), w("jj"), w("nn"), w("vbn"), self.r.randint(1900, 2024))
        if f == 11:
            return "%s %s, %s %s %s" % (self.pick(["Meanwhile,", "Separately,", "Elsewhere,",
                                                   "In a separate development,"]),
                                        self.pick(["the", "a"]) + " " + w("jj") + " " + w("nn"),
                                        "which " + w("vbd"), w("rb"), self.place())
        if f == 12:
            return "The %s said %s %s %s would %s the %s %s" % (
                self.pick(["report", "study", "survey", "newspaper", "agency"]), "the",
                w("jj"), w("nns"), self.pick(["affect", "change", "delay", "increase", "reduce"]),
                w("jj"), w("nn"))
        return "No one claimed responsibility for the %s" % self.pick(
            ["attack", "blast", "bombing", "kidnapping", w("nn")])

    def dateline(self, date):
        city = self.pick(self.v.seats + EXTRA_PLACES).upper()
        d = datetime.date.fromisoformat(date)
        f = self.r.random()
        if f < 0.5:
            return "%s, %s %d (%s) - " % (city, MONTH_ABBR[d.month - 1], d.day, self.pick(AGENCIES))
        if f < 0.8:
            return "%s (%s) \u2014 " % (city, self.pick(AGENCIES))
        return "%s -- " % city

    def article_text(self, nsent, date, real_pick):
        """(text, approximate sentence count, real items used)."""
        cast = [[self.fresh_actor(), 0] for _ in range(self.r.randint(2, 4))]
        paras, cur = [], []
        count, nreal = 0, 0
        while count < nsent:
            item = real_pick()
            if item is not None:
                cur.append(item)
                count += approx_sentences(item)
                nreal += 1
            else:
                self.sent_count = 0
                cur.append(self.sentence(cast))
                count += 1 + self.sent_count
            if len(cur) >= self.r.randint(1, 3):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        text = "\n\n".join(paras)
        if self.chance(0.4):
            text = self.dateline(date) + text
        return text, count, nreal

    # ---------------------------------------------------------------- stress
    def stress_sentence(self):
        s = self._stress_sentence()
        return s[0].upper() + s[1:]

    def _stress_sentence(self):
        cast = []
        k = self.r.randint(0, 9)
        if k <= 1:                                   # 300-400 tokens (a few over the cap)
            target = self.r.randint(300, 400) if self.chance(0.95) else self.r.randint(401, 900)
            parts = [self.clause(cast)]
            n = ntokens(parts[0])
            while n < target:
                parts.append(self.pick([", and ", "; ", ", while ", ", but ", " as ", ", after "])
                             + self.clause(cast))
                n += ntokens(parts[-1])
            words = "".join(parts).split(" ")
            while (n > target or words[-1].endswith(".")) and len(words) > 10:
                n -= ntokens(words.pop())
            return " ".join(words).rstrip(",;") + "."
        if k == 2:                                   # long lists of actors
            n, budget = self.r.randint(30, 150), self.r.randint(250, 380)
            names, used = [], 0
            while len(names) < n and used < budget:
                names.append(self.fresh_actor().text.rstrip(","))
                used += ntokens(names[-1]) + 1
            return "%s and %s %s%s." % (", ".join(names[:-1]), names[-1],
                                        self.verb_phrase(cast, True, "past"), self.adjuncts(1))
        if k == 3:                                   # nesting
            depth, budget = self.r.randint(10, 60), self.r.randint(250, 360)
            if self.chance(0.5):
                s = self.clause(cast)
                used = ntokens(s)
                for i in range(depth):
                    a = self.fresh_actor().text.rstrip(",")
                    used += ntokens(a) + 2
                    if used > budget:
                        depth = i
                        break
                    s = "%s (%s" % (a, s)
                s += ")" * (depth if self.chance(0.8) else depth // 2)
                return s + " " + self.verb_phrase(cast, False, "past") + "."
            s = self.fresh_actor().text.rstrip(",")
            used = ntokens(s)
            for _ in range(depth):
                add = " %s %s that %s" % (self.pick(["who said", "which reported", "who denied",
                                                     "who announced", "which claimed"]),
                                          self.time(), self.fresh_actor().text.rstrip(","))
                used += ntokens(add)
                if used > budget:
                    break
                s += add
            return s + " " + self.verb_phrase(cast, False, "past") + "."
        if k == 4:                                   # odd punctuation and Unicode
            words = self.sentence(cast).split(" ")
            out = []
            for w_ in words:
                out.append(w_)
                if self.chance(0.35):
                    out.append(self.pick(ODD))
            return " ".join(out)
        if k == 5:                                   # all capitals
            return self.sentence(cast).upper()
        if k == 6:                                   # huge numbers
            nums = [self.pick(HUGE)() for _ in range(self.r.randint(3, 12))]
            return "%s %s %s, %s %s and %s." % (
                self.mention(cast)[0].rstrip(","), self.pick(["reported", "counted", "said it lost",
                                                              "demanded", "pledged"]),
                nums[0], self.pick(["citing", "after", "against"]), ", ".join(nums[1:-1]) or "0",
                nums[-1])
        if k == 7:                                   # quotation marks of every kind, unbalanced
            q = self.quote_text(cast)
            open_, close = self.pick([("\u00ab", "\u00bb"), ("\u201e", "\u201c"), ("\u2018", "\u2019"),
                                      ("\"", ""), ("", "\u201d"), ("``", "''"), ("'", "'"),
                                      ("\u300c", "\u300d"), ("\u201c\u201c", "\u201d")])
            return "%s%s,%s %s said %s." % (open_, q, close, self.speaker(cast)[0], self.time())
        if k == 8:                                   # abbreviations, initials, no spaces
            if self.chance(0.5):
                return ("U.S. Sen. J.R.R. %s Jr. of Washington, D.C., met Gen. Dr. %s, Ph.D., "
                        "at 10 a.m. E.S.T. on Jan. %d, i.e. %s, vs. the U.N. et al., etc."
                        % (self.person_name()[1], self.person_name()[1], self.r.randint(1, 31),
                           self.time()))
            return ",".join(self.fresh_actor().text.replace(" ", "") for _ in range(
                self.r.randint(5, 40))) + "!!!"
        w = self.pick(["very", "no", "again", "ha", "the", "Hamas", "U.S."])
        s = " ".join([w] * self.r.randint(50, 390)) + "."
        return s[0].upper() + s[1:]


ODD = ["\u2014", "\u2026", "--", "...", ";", "::", "!!!", "?!", "\u00bf", "\u00a1", "/", "\\",
       "|", "~", "^", "_", "*", "#", "@someone", "#hashtag", "https://example.com/a?b=c&d=e#f",
       "press@example.org", "\u2022", "\u00b7", "\U0001F600", "\U0001F1FA\U0001F1F8",
       "\u5317\u4eac", "\u0627\u0644\u0642\u0627\u0647\u0631\u0629", "\u041c\u043e\u0441\u043a\u0432\u0430",
       "e\u0301", "\u200d", "\u00a0", "\u2009", "\u200b", "\u200f", "\u00ad",
       "\uff25\uff47\uff59\uff50\uff54", "\ufb01", "\U0001d401\U0001d428\U0001d425\U0001d41d",
       "(", ")", "[", "]", "{", "}", "<", ">", "&amp;", "\u00ab", "\u00bb", "\u2019s", "'",
       "\"", "``", "''", "\u2013", "\u2212", "\u00b0C", "\u00a7", "\u00b6", "\u2122", "\u00a9",
       "\t", "  ", "\n"]
HUGE = [
    lambda: "340,282,366,920,938,463,463,374,607,431,768,211,456",
    lambda: "123,456,789,012,345,678,901 people",
    lambda: "99999999999999999999999999999999",
    lambda: "1e308", lambda: "-0.000000000001", lambda: "$1,000,000,000,000,000",
    lambda: "3.14159265358979323846264338327950288", lambda: "1/2/3/4/5",
    lambda: "10:30:45.123", lambda: "No. 1234567890", lambda: "+1 (555) 123-4567",
    lambda: "2024-02-30", lambda: "1,2,3,4,5,6,7,8,9,10", lambda: "0x7FFFFFFFFFFFFFFF",
    lambda: "18446744073709551616 rounds", lambda: "\u00bd million", lambda: "\u2155",
    lambda: "4,294,967,296 shells", lambda: "\u0661\u0662\u0663\u0664", lambda: "MMXXIV",
]


TOKEN_RE = re.compile(r"\w+|[^\w\s]")


def ntokens(s):
    return len(TOKEN_RE.findall(s))

# ============================================================== writing


def random_date(rng):
    start = datetime.date(1995, 1, 1).toordinal()
    end = datetime.date(2025, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end)).isoformat()


class Out:
    def __init__(self, path):
        self.path = path
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self.tmp = path + ".tmp"
        self.f = open(self.tmp, "w", encoding="utf-8", newline="\n")
        self.h = hashlib.sha256()
        self.bytes = 0
        self.articles = 0

    def write(self, rec):
        line = json.dumps(rec, ensure_ascii=False) + "\n"
        b = line.encode("utf-8")
        self.h.update(b)
        self.bytes += len(b)
        self.articles += 1
        self.f.write(line)

    def close(self):
        self.f.close()
        os.replace(self.tmp, self.path)
        return self.h.hexdigest()[:12]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--sentences", type=int, default=210000)
    ap.add_argument("--seed", type=int, default=20241126)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--real-share", type=float, default=0.10)
    ap.add_argument("--real-out")
    ap.add_argument("--stress-out")
    ap.add_argument("--stress-sentences", type=int, default=3000)
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    ap.add_argument("--lingua", default=LINGUA_DIR)
    a = ap.parse_args()

    stats = {}
    vocab = Vocab(a.data, a.lingua, stats)
    real, counts = real_texts(a.shared)
    rng = random.Random(a.seed)
    gen = Gen(vocab, rng)

    # ---- main corpus
    real_rng = random.Random(a.seed + 1)

    def real_pick():
        if real and real_rng.random() < a.real_share:
            return real[int(real_rng.random() * len(real))][2]
        return None

    out = Out(a.out)
    total = nreal = 0
    words = set()
    while total < a.sentences:
        n = rng.randint(6, 14)
        date = random_date(rng)
        text, cnt, nr = gen.article_text(n, date, real_pick)
        words.update(text.lower().split())
        out.write({"id": "bench-%06d" % (out.articles + 1), "date": date, "text": text})
        total += cnt
        nreal += nr
    digest = out.close()
    sys.stderr.write(
        "make_corpus: %s: %d articles, about %d sentences (%d of them real texts), %d bytes, "
        "%d distinct lower-case word forms, sha256 %s\n"
        % (a.out, out.articles, total, nreal, out.bytes, len(words), digest))
    sys.stderr.write("make_corpus: vocabulary: %s; lexicon: %s\n"
                     % (stats["vocabulary"], stats["lexicon"]))
    sys.stderr.write("make_corpus: real texts (read from %s, not copied): %s\n"
                     % (a.shared, ", ".join("%s=%s" % kv for kv in counts.items())))

    # ---- real texts alone, each once
    if a.real_out and real:
        r = random.Random(a.seed + 2)
        o = Out(a.real_out)
        i = 0
        while i < len(real):
            n = r.randint(6, 14)
            chunk = real[i:i + n]
            o.write({"id": "real-%05d" % (o.articles + 1), "date": chunk[0][1],
                     "text": "\n\n".join(t for _, _, t in chunk)})
            i += n
        d = o.close()
        sys.stderr.write("make_corpus: %s: %d articles, %d real texts, %d bytes, sha256 %s\n"
                         % (a.real_out, o.articles, len(real), o.bytes, d))
    elif a.real_out:
        Out(a.real_out).close()

    # ---- stress corpus
    if a.stress_out:
        r = random.Random(a.seed + 3)
        sg = Gen(vocab, r)
        o = Out(a.stress_out)
        total = 0
        while total < a.stress_sentences:
            n = r.randint(6, 14)
            text = " ".join(sg.stress_sentence() for _ in range(n))
            o.write({"id": "stress-%05d" % (o.articles + 1), "date": random_date(r), "text": text})
            total += n
        d = o.close()
        sys.stderr.write("make_corpus: %s: %d articles, %d stress sentences, %d bytes, "
                         "sha256 %s\n" % (a.stress_out, o.articles, total, o.bytes, d))
    return 0


if __name__ == "__main__":
    sys.exit(main())
