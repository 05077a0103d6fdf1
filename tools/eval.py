#!/usr/bin/env python3
"""Measure dyad against the dev sets in ../shared (docs/EVAL.md).

Usage:
    python3 tools/eval.py [--bin build/dyad] [--shared ../shared] [--build]
                          [--set codebook,gsr,seed] [--statements on|off]
                          [--codebook-source md|json] [--list-codebook]
                          [--show-misses N] [--json FILE]

Runs `dyad code --format jsonl` on three dev sets and prints precision / recall / F1:

  codebook  the example sentences of the CAMEO verb codebook: the `Example` rows of
            ../shared/cameo/codebook/chapter_2_verb_codebook.md, each attached to the code
            of the entry it sits in (explicit code, else the entry's name matched against
            ../shared/cameo/cameo_codes.json, else the next code after the previous entry's;
            rules in docs/EVAL.md). --list-codebook prints every example with its code and
            how the code was found, for auditing, and exits. --codebook-source json scores
            the `examples` lists of cameo_codes.json instead (the set used before
            2026-11-27). Each example is one article dated 2000-01-01 (--codebook-date).
            Actors are unknown, so only the code counts: hit = dyad emits at least one
            event with the example's code (exact) or root (first two digits); precision =
            share of emitted events whose code / root is the example's; "none" = examples
            with no event at all.
            The recall is also printed as "% coded to their own root / exact code".
  gsr       ../shared/petrarch/text/PETR2_GSR_validation.ud.xml: each record's <Text> is one
            article (date from the record); expected events from <EventCoding>. PETRARCH
            codes actors with Phoenix codes, so actors are compared by their first three
            letters ("---" when unknown). Three comparisons per level (exact code, root):
              dyad  (source3, target3, code) against dyad's events with both actors
                    (PETRARCH keeps only complete dyads); its root level is the
                    (source country, target country, root code) comparison;
              code  the set of codes per record, from all of dyad's events.
  seed      ../shared/seed/<article>.txt: the event list.

`make dev-scores` builds build/dyad and runs this script with its defaults.
Only python3's standard library is used. ../shared is read at run time and never copied;
when it is absent the affected sets are skipped with a message (exit status 0).
The binary is not built unless --build is given (then `make -j2` runs first).
"""

import argparse
import collections
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED_NAME = "2024-02-02-gaza-hostage-talks.txt"


def prf(tp, npred, nexp):
    p = tp / npred if npred else 0.0
    r = tp / nexp if nexp else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run_dyad(binary, articles, statements):
    """articles: list of dicts {id, date, text}. Returns {id: [event, ...]}."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as tmp:
        for a in articles:
            tmp.write(json.dumps(a, ensure_ascii=False) + "\n")
        path = tmp.name
    try:
        cmd = [binary, "code", "--format", "jsonl", "--input-format", "jsonl",
               "--statements", statements, path]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    finally:
        os.unlink(path)
    if proc.returncode not in (0,):
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        # a failed article is reported, the rest is still coded; warn and go on
        for line in err[-5:]:
            print("eval: dyad: " + line, file=sys.stderr)
    out = collections.defaultdict(list)
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            ev = json.loads(line)
            out[ev["article"]].append(ev)
    return out


# CAMEO role codes (codebook ch. 3): dyad writes a role whose country is unknown bare
# ("GOV"), PETRARCH writes it after "---" ("---GOV"); both mean "country unknown".
ROLES = {"COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS",
         "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF",
         "MOD", "RAD", "PTY"}


def country3(code):
    """First three letters of an actor code; '---' when there is no actor or its
    country is unknown (a bare role)."""
    if not code or code.startswith("---") or code[:3] in ROLES:
        return "---"
    return code[:3]


# ---------------------------------------------------------------- codebook examples

CODEBOOK_MD = os.path.join("cameo", "codebook", "chapter_2_verb_codebook.md")
CODEBOOK_JSON = os.path.join("cameo", "cameo_codes.json")

_FINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")          # sentence-final punctuation
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+$")     # ... followed by a space
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c(]?[A-Z0-9])")
# a sentence that only comments on the coding ("Two reciprocal events are coded ...")
_NOTE_SENTENCE = re.compile(r"\bcod(?:e|ed|es|ing|eable)\b|^Note\b", re.I)
_CODE_CELL = re.compile(r"^(?:CAMEO\s+)?(\d{3,4})\b[\s.:]*(.*)$", re.S)


def _norm(s):
    """Case, spaces and punctuation removed (also copes with "Threate n" in the JSON)."""
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _words(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def _label_kind(label):
    """cameo | name | example | note | other. Merged labels: "NAME Description" is a name
    row, "Usage Notes Example" / "Description Example" are example rows, "EXAMPLE Note" a
    note (the last word decides)."""
    l = " ".join(label.lower().split())
    if l == "cameo":
        return "cameo"
    if l.startswith("name"):
        return "name"
    if l.endswith("example"):
        return "example"
    if l.endswith("note"):
        return "note"
    return "other"


def _merge_cells(cells):
    """Value of a row from its value cells: the converter sometimes spread one cell over two
    columns or repeated it (with or without more text) in the next column."""
    out = ""
    for c in cells:
        c = " ".join(c.split())
        if not c:
            continue
        if not out or (out.lower() in c.lower() and len(c) > len(out)):
            out = c
        elif c.lower() not in out.lower():
            out = out + " " + c
    return out


def _md_rows(path):
    """[(root, [row, ...]), ...] per `## 2.N` section; row = (line, label, kind, value)."""
    sections = []
    rows = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            m = re.match(r"^##\s+2\.(\d+)\s", line)
            if m:
                rows = []
                sections.append(("%02d" % int(m.group(1)), rows))
                continue
            if rows is None or not line.startswith("|"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-*:?", c) for c in cells):
                continue  # header separator
            label = cells[0]
            rows.append((lineno, label, _label_kind(label), _merge_cells(cells[1:])))
    return sections


class _Names:
    """Matches a codebook entry name against the names in cameo_codes.json of one root."""

    def __init__(self, codes):
        self.codes = codes
        self.by_root = collections.defaultdict(list)
        for c in sorted(codes):
            if len(c) >= 3:
                self.by_root[c[:2]].append(c)

    def match(self, text, root):
        """Code whose name the text is (case/punctuation ignored), starts with (a name
        followed by its description) or begins (a name cut short); None if none or ambiguous."""
        v = _norm(text)
        if not v:
            return None
        names = {}
        for c in self.by_root[root]:
            names.setdefault(_norm(self.codes[c].get("name") or ""), c)
        if v in names:
            return names[v]
        w = _words(text)
        for k in range(len(w) - 1, 0, -1):  # the text starts with a whole name
            p = "".join(w[:k])
            if p in names:
                return names[p]
        if len(w) >= 3:  # the text is the beginning of a single name
            hits = [c for n, c in names.items() if n.startswith(v)]
            if len(hits) == 1:
                return hits[0]
        return None

    def like_a_name(self, text, root):
        """text is (a garbled form of) one of the root's names: "Imported aerial weapons,
        not specified below" for "Employ aerial weapons, not specified below"."""
        v = _norm(text)
        return self.match(text, root) is not None or any(
            difflib.SequenceMatcher(None, v, _norm(self.codes[c].get("name") or "")).ratio()
            >= 0.8 for c in self.by_root[root])

    def next_code(self, prev, root):
        for c in self.by_root[root]:
            if prev is None or c > prev:
                return c
        return None


def _is_tail_of(text, prev, loose=False):
    """text repeats the end of the row before, starting inside one of its sentences.
    loose: also when it differs in its first three words ("Kenyan policiemen in ..." after
    "... Kenyan policemen in ...")."""
    if not text or not prev:
        return False
    words = text.split()
    for k in range(4 if loose else 1):
        tail = " ".join(words[k:])
        if len(tail) < 20 and k:
            break
        if prev.endswith(tail):
            i = len(prev) - len(tail)
            # the row before ends with the same whole sentence(s): a real example
            return loose or not (i == 0 or _BOUNDARY.search(prev[:i]))
    return False


def codebook_md_examples(path, codes):
    """Example sentences of the verb codebook (Markdown), each attached to a CAMEO code.

    Returns (examples, stats): examples = [{"code", "how", "line", "text"}], how = code |
    name | order. See docs/EVAL.md ("codebook") for the rules."""
    names = _Names(codes)
    entries = []   # {"root", "line", "code", "names", "cells", "start"}
    stats = {"example_rows": 0, "joined_rows": 0, "skipped": collections.Counter(),
             "skipped_rows": collections.defaultdict(list)}

    def skip(reason, line):
        stats["skipped"][reason] += 1
        stats["skipped_rows"][reason].append(line)

    for root, rows in _md_rows(path):
        cur = None
        prev_value = ""
        prev_cell = None   # the example cell made from the row before, if any
        for i, (line, label, kind, value) in enumerate(rows):
            nxt_kind = rows[i + 1][2] if i + 1 < len(rows) else None
            if kind == "example":
                stats["example_rows"] += 1
            start = None
            m = _CODE_CELL.match(value)
            # a code of this section; 1213 and 1214 are in the codebook but not in the JSON
            code = (m.group(1) if m and (m.group(1) in codes or m.group(1)[:2] == root)
                    else None)
            if code and (kind in ("cameo", "name") or
                         (kind in ("example", "note") and not m.group(2))):
                # "CAMEO 010", "NAME 012", "NAME 1012 Demand ...", and a code that slipped
                # into an Example / Example Note cell ("Example | CAMEO 0251")
                start = {"code": code, "names": [m.group(2)] if m.group(2) else []}
            elif (kind in ("example", "note") and nxt_kind == "name" and value
                  and not _FINAL.search(value) and len(value.split()) <= 10
                  and names.like_a_name(value, root)):
                # an entry's name that slipped into an Example cell, its Name row follows
                start = {"code": None, "names": [value]}
            elif kind == "cameo" and names.match(value, root):
                start = {"code": None, "names": [value]}   # "CAMEO | Impose blockade, ..."
            elif kind == "name":
                joins = (cur is not None and cur["start"] == i - 1 and cur["joinable"])
                if joins:
                    own = cur["code"] or (names.match(cur["names"][0], root)
                                          if cur["names"] else None)
                    other = names.match(value, root)
                    if own and other and other != own:
                        joins = False   # "CAMEO 1832 vehicular ..." then "Name: roadside ..."
                if joins:
                    cur["names"].append(value)
                else:
                    start = {"code": None, "names": [value]}
            if start is not None:
                start.update(root=root, line=line, cells=[], start=i,
                             joinable=(kind != "name" or start["code"] is not None))
                cur = start
                entries.append(cur)
                if kind == "example":
                    skip("entry code or name in an Example cell", line)
                prev_value, prev_cell = value, None
                continue
            if kind != "example":
                prev_value, prev_cell = value, None
                continue
            # an Example row
            cont = prev_cell is not None and (label.strip() == "EXAMPLE" or
                                              not _FINAL.search(prev_cell["text"]))
            if cont:
                if _is_tail_of(value, prev_cell["text"], loose=True):
                    skip("continuation repeating the end of the example before", line)
                else:
                    prev_cell["text"] = (prev_cell["text"] + " " + value).strip()
                    prev_cell["lines"].append(line)
                prev_value = value
                continue
            if cur is None:
                skip("before any entry", line)
                prev_value, prev_cell = value, None
                continue
            cell = {"line": line, "lines": [line], "text": value, "prev": prev_value}
            cur["cells"].append(cell)
            prev_value, prev_cell = value, cell

    # codes: explicit, else by name, else the next code after the previous entry's
    examples = []
    how_entries = collections.Counter()
    how_with_examples = collections.Counter()
    prev_code, prev_root = None, None
    for e in entries:
        if e["root"] != prev_root:
            prev_code, prev_root = None, e["root"]
        if e["code"]:
            code, how = e["code"], "code"
        else:
            code = next((c for c in (names.match(n, e["root"]) for n in e["names"]) if c),
                        None)
            how = "name"
            if code is None:
                code, how = names.next_code(prev_code, e["root"]), "order"
        if code is None:
            how = "unattached"
        else:
            prev_code = code
        e["code"], e["how"] = code, how
        how_entries[how] += 1
        kept = 0
        for cell in e["cells"]:
            text, line = cell["text"], cell["line"]
            reason = None
            if not text:
                reason = "empty"
            elif not re.search(r"[A-Za-z]", text):
                reason = "no letters"
            elif _is_tail_of(text, cell["prev"]):
                reason = "repeats the end of the row before (a broken sentence)"
            elif text[0].islower():
                reason = "starts mid-sentence (its beginning is in another row)"
            elif len(text.split()) < 4:
                reason = "fewer than 4 words"
            elif all(_NOTE_SENTENCE.search(s) for s in _SENTENCE_SPLIT.split(text) if s):
                reason = "coding note only, no example sentence"
            elif code is None:
                reason = "entry without a code"
            if reason:
                for l in cell["lines"]:
                    skip(reason, l)
                continue
            kept += 1
            stats["joined_rows"] += len(cell["lines"]) - 1
            examples.append({"code": code, "how": how, "line": line, "text": text})
        if kept:
            how_with_examples[how] += 1
    stats["entries"] = len(entries)
    stats["entry_list"] = entries
    stats["how_entries"] = how_entries
    stats["how_with_examples"] = how_with_examples
    stats["examples"] = len(examples)
    stats["how_examples"] = collections.Counter(x["how"] for x in examples)
    return examples, stats


def codebook_json_examples(codes):
    return [{"code": code, "how": "json", "line": 0, "text": text}
            for code in sorted(codes) for text in (codes[code].get("examples") or [])]


def load_codebook(shared, source):
    """(examples, stats, path) or None with a message when a file is absent."""
    jpath = os.path.join(shared, CODEBOOK_JSON)
    if not os.path.exists(jpath):
        print("eval: skipping codebook set: %s not found" % jpath)
        return None
    with open(jpath, encoding="utf-8") as f:
        codes = json.load(f)
    if source == "json":
        return codebook_json_examples(codes), None, jpath
    mpath = os.path.join(shared, CODEBOOK_MD)
    if not os.path.exists(mpath):
        print("eval: skipping codebook set: %s not found" % mpath)
        return None
    ex, stats = codebook_md_examples(mpath, codes)
    return ex, stats, mpath


def print_codebook_stats(stats):
    sk = stats["skipped"]
    nskip = sum(sk.values())
    he, hx = stats["how_entries"], stats["how_with_examples"]
    print("   %d Example rows -> %d examples (+%d continuation row(s) joined to them), "
          "%d rows skipped:" % (stats["example_rows"], stats["examples"],
                                stats["joined_rows"], nskip))
    for reason, n in sk.most_common():
        print("     skipped %3d: %s" % (n, reason))
    hm = stats["how_examples"]
    print("   %d entries, attached by explicit code %d / by name %d / by order %d%s;"
          % (stats["entries"], he["code"], he["name"], he["order"],
             (" / unattached %d (no code left in the section)" % he["unattached"])
             if he["unattached"] else ""))
    print("   the %d entries with examples: %d / %d / %d; the examples: %d / %d / %d"
          % (sum(hx.values()), hx["code"], hx["name"], hx["order"],
             hm["code"], hm["name"], hm["order"]))


def list_codebook(shared, source):
    got = load_codebook(shared, source)
    if got is None:
        return
    examples, stats, path = got
    print("== codebook examples (%s)" % os.path.relpath(path, ROOT))
    if stats:
        print_codebook_stats(stats)
    for x in examples:
        print("%-5s %-5s %5s  %s" % (x["code"], x["how"], x["line"] or "", x["text"][:80]))


def eval_codebook(binary, shared, args):
    got = load_codebook(shared, args.codebook_source)
    if got is None:
        return None
    examples, stats, path = got
    articles, expect = [], {}
    for i, x in enumerate(examples):
        aid = "cb-%s-%d" % (x["code"], i)
        articles.append({"id": aid, "date": args.codebook_date, "text": x["text"]})
        expect[aid] = x["code"]
    print("== codebook examples (%s, --codebook-source %s): %d examples"
          % (os.path.relpath(path, ROOT), args.codebook_source, len(examples)))
    if stats:
        print_codebook_stats(stats)
    got = run_dyad(binary, articles, args.statements)
    n = len(articles)
    hit_exact = hit_root = none = 0
    npred = pred_exact = pred_root = 0
    per_root = collections.defaultdict(lambda: [0, 0, 0])  # examples, root hits, exact hits
    misses = []
    for a in articles:
        code = expect[a["id"]]
        evs = got.get(a["id"], [])
        codes_out = [e["code"] for e in evs]
        he = code in codes_out
        hr = any(c[:2] == code[:2] for c in codes_out)
        hit_exact += he
        hit_root += hr
        none += not evs
        npred += len(evs)
        pred_exact += sum(c == code for c in codes_out)
        pred_root += sum(c[:2] == code[:2] for c in codes_out)
        pr = per_root[code[:2]]
        pr[0] += 1
        pr[1] += hr
        pr[2] += he
        if not hr:
            misses.append((code, a["text"], codes_out))
    res = {
        "examples": n, "events": npred, "no_event": none,
        "root": {"hits": hit_root, "recall": hit_root / n if n else 0.0,
                 "precision": pred_root / npred if npred else 0.0},
        "exact": {"hits": hit_exact, "recall": hit_exact / n if n else 0.0,
                  "precision": pred_exact / npred if npred else 0.0},
        "per_root": {k: v for k, v in sorted(per_root.items())},
        "source": args.codebook_source,
    }
    if stats:
        res["extraction"] = {
            "example_rows": stats["example_rows"],
            "joined_rows": stats["joined_rows"],
            "skipped": dict(stats["skipped"]),
            "entries": stats["entries"],
            "entries_by_attachment": dict(stats["how_entries"]),
            "entries_with_examples_by_attachment": dict(stats["how_with_examples"]),
            "examples_by_attachment": dict(stats["how_examples"]),
        }
    for lvl in ("root", "exact"):
        p, r = res[lvl]["precision"], res[lvl]["recall"]
        res[lvl]["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    print("   %d examples, %d events, %d with no event" % (n, npred, none))
    print("   %-6s %6s %9s %9s %6s" % ("level", "hits", "recall", "precision", "F1"))
    for lvl in ("root", "exact"):
        r = res[lvl]
        print("   %-6s %6d %8.1f%% %8.1f%% %5.1f%%" % (lvl, r["hits"], 100 * r["recall"],
                                                    100 * r["precision"], 100 * r["f1"]))
    print("   coded to their own root code: %.1f%% (%d of %d); to their exact code: %.1f%% "
          "(%d of %d)" % (100 * res["root"]["recall"], hit_root, n,
                          100 * res["exact"]["recall"], hit_exact, n))
    print("   per root (examples / root hits / exact hits): " + "  ".join(
        "%s:%d/%d/%d" % (k, v[0], v[1], v[2]) for k, v in sorted(per_root.items())))
    if args.show_misses:
        print("   misses (expected code: emitted codes | text):")
        for code, text, out in misses[:args.show_misses]:
            print("     %s: %-14s| %s" % (code, ",".join(out) or "-", text[:150]))
    return res


# ---------------------------------------------------------------- PETRARCH-2 GSR records

def gsr_date(d):
    d = d.strip()
    if len(d) == 6:  # YYMMDD, YY <= 30 -> 20YY (PETRARCH's rule)
        yy = int(d[:2])
        d = ("20" if yy <= 30 else "19") + d
    return "%s-%s-%s" % (d[:4], d[4:6], d[6:8])


def eval_gsr(binary, shared, args):
    path = os.path.join(shared, "petrarch", "text", "PETR2_GSR_validation.ud.xml")
    if not os.path.exists(path):
        print("eval: skipping GSR set: %s not found" % path)
        return None
    root = ET.parse(path).getroot()
    articles, expect, cats = [], {}, {}
    for s in root.iter("Sentence"):
        if s.get("evaluate", "true").lower() != "true":
            continue
        aid = s.get("id")
        text = " ".join((s.findtext("Text") or "").split())
        exp = set()
        for ec in s.findall("EventCoding"):
            if ec.get("eventcode"):
                exp.add((ec.get("sourcecode", ""), ec.get("targetcode", ""),
                         ec.get("eventcode")))
        articles.append({"id": aid, "date": gsr_date(s.get("date")), "text": text})
        expect[aid] = exp
        cats[aid] = s.get("category", "")
    got = run_dyad(binary, articles, args.statements)

    keys = {
        "dyad": lambda s, t, c, lvl: (country3(s), country3(t), c if lvl == "exact" else c[:2]),
        "code": lambda s, t, c, lvl: (c if lvl == "exact" else c[:2],),
    }
    counts = {(k, lvl): [0, 0, 0] for k in keys for lvl in ("exact", "root")}  # tp, pred, exp
    per_cat = collections.defaultdict(lambda: [0, 0, 0, 0])  # records, exp, pred dyads, tp exact
    npred_all = 0
    noevent_records = sum(1 for a in articles if not expect[a["id"]])
    fp_on_noevent = 0
    details = []
    for a in articles:
        aid = a["id"]
        evs = got.get(aid, [])
        npred_all += len(evs)
        dy = [(e["source"], e["target"], e["code"]) for e in evs if e["source"] and e["target"]]
        allc = [(e["source"], e["target"], e["code"]) for e in evs]
        if not expect[aid]:
            fp_on_noevent += len(dy)
        for (k, f) in keys.items():
            for lvl in ("exact", "root"):
                src = dy if k == "dyad" else allc
                pred = {f(*x, lvl) for x in src}
                exp = {f(*x, lvl) for x in expect[aid]}
                c = counts[(k, lvl)]
                c[0] += len(pred & exp)
                c[1] += len(pred)
                c[2] += len(exp)
        pc = per_cat[cats[aid]]
        pdy = {keys["dyad"](*x, "exact") for x in dy}
        edy = {keys["dyad"](*x, "exact") for x in expect[aid]}
        pc[0] += 1
        pc[1] += len(edy)
        pc[2] += len(pdy)
        pc[3] += len(pdy & edy)
        details.append((aid, sorted(expect[aid]), sorted(set(allc)), a["text"]))

    nexp = sum(len(v) for v in expect.values())
    print("== PETR2 GSR records (%s): %d records (%d expect no event), %d expected events, "
          "%d dyad events emitted (%d events in all), %d dyad events on no-event records"
          % (os.path.relpath(path, ROOT), len(articles), noevent_records, nexp,
             counts[("dyad", "exact")][1], npred_all, fp_on_noevent))
    print("   %-14s %5s %5s %5s %9s %9s %6s" % ("comparison", "tp", "pred", "exp",
                                                 "precision", "recall", "F1"))
    res = {"records": len(articles), "expected": nexp, "events": npred_all,
           "dyad_events_on_noevent_records": fp_on_noevent}
    for k in keys:
        for lvl in ("exact", "root"):
            tp, npred, ne = counts[(k, lvl)]
            p, r, f = prf(tp, npred, ne)
            res["%s_%s" % (k, lvl)] = {"tp": tp, "pred": npred, "exp": ne,
                                       "precision": p, "recall": r, "f1": f}
            print("   %-14s %5d %5d %5d %8.1f%% %8.1f%% %5.1f%%"
                  % (k + " " + lvl, tp, npred, ne, 100 * p, 100 * r, 100 * f))
    dr, de = res["dyad_root"], res["dyad_exact"]
    print("   (source country, target country, root code): precision %.1f%%, recall %.1f%%; "
          "with the exact code: precision %.1f%%, recall %.1f%%"
          % (100 * dr["precision"], 100 * dr["recall"], 100 * de["precision"],
             100 * de["recall"]))
    print("   per category (records / expected / dyads emitted / exact dyad matches): " +
          "  ".join("%s:%d/%d/%d/%d" % ((c,) + tuple(v)) for c, v in sorted(per_cat.items())))
    res["per_category"] = dict(per_cat)
    if args.show_misses:
        print("   records (expected | emitted | text):")
        for aid, exp, out, text in details[:args.show_misses]:
            print("     %s\n       exp %s\n       got %s\n       %s" % (
                aid, " ".join("%s>%s:%s" % x for x in exp) or "-",
                " ".join("%s>%s:%s" % x for x in out) or "-", text[:200]))
    return res


# ---------------------------------------------------------------- seed article

def eval_seed(binary, shared, args):
    path = os.path.join(shared, "seed", SEED_NAME)
    if not os.path.exists(path):
        print("eval: skipping seed article: %s not found" % path)
        return None
    cmd = [binary, "code", "--format", "jsonl", "--statements", args.statements, path]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    evs = [json.loads(l) for l in proc.stdout.decode("utf-8").splitlines() if l.strip()]
    print("== seed article (%s): %d events" % (os.path.relpath(path, ROOT), len(evs)))
    for e in evs:
        print("   %2d  %-10s %-10s %-5s %s" % (e["sentence"], e["source"] or "-",
                                             e["target"] or "-", e["code"], e["verb_text"]))
    return {"events": [[e["sentence"], e["source"], e["target"], e["code"]] for e in evs]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "dyad"))
    ap.add_argument("--shared", default=os.environ.get("DYAD_SHARED",
                                                       os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--build", action="store_true", help="run `make -j2` first")
    ap.add_argument("--set", default="codebook,gsr,seed",
                    help="comma-separated: codebook, gsr, seed")
    ap.add_argument("--statements", default="on", choices=("on", "off"))
    ap.add_argument("--codebook-date", default="2000-01-01")
    ap.add_argument("--codebook-source", default="md", choices=("md", "json"),
                    help="md: the Example rows of the verb codebook chapter (default); "
                         "json: the `examples` lists of cameo_codes.json (the old set)")
    ap.add_argument("--list-codebook", action="store_true",
                    help="print every codebook example with its code, how the code was "
                         "found (code/name/order) and its first 80 characters, then exit")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N",
                    help="list up to N misses per set (for dictionary work, not for docs)")
    ap.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    args = ap.parse_args()

    if args.list_codebook:
        shared = os.path.normpath(args.shared)
        if not os.path.isdir(shared):
            print("eval: %s is absent; nothing to list" % shared)
            return 0
        list_codebook(shared, args.codebook_source)
        return 0
    if args.build:
        subprocess.run(["make", "-j2"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    if not os.access(args.bin, os.X_OK):
        print("eval: no dyad binary at %s (run `make -j2`, or pass --build)" % args.bin,
              file=sys.stderr)
        return 2
    shared = os.path.normpath(args.shared)
    if not os.path.isdir(shared):
        print("eval: skipping all dev sets: %s is absent (it holds the reference data; "
              "set --shared or DYAD_SHARED)" % shared)
        return 0
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
                              ).stdout.decode().strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "data", "src"],
                               cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL).stdout.strip() != b""
    except OSError:
        head, dirty = "?", False
    print("dyad eval at %s%s, statements %s" % (head or "?", " (+local changes)" if dirty else "",
                                                args.statements))
    results = {"commit": head, "dirty": dirty}
    sets = [s.strip() for s in args.set.split(",") if s.strip()]
    for name, fn in (("codebook", eval_codebook), ("gsr", eval_gsr), ("seed", eval_seed)):
        if name in sets:
            results[name] = fn(args.bin, shared, args)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
