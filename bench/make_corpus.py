#!/usr/bin/env python3
"""Build the benchmark corpus (JSON Lines, one article per line) reproducibly.

    python3 bench/make_corpus.py OUT.jsonl TARGET_BYTES [SHARED_DIR]

Sources, in this fixed order (no randomness; the same inputs give the same bytes):
  1. examples/2024-02-02-gaza-hostage-talks.txt (leading "date YYYY-MM-DD" token -> date)
  2. the text inputs of tests/golden/cli/*/ (.txt files, `stdin` files, .jsonl records) that are
     valid UTF-8 with news text; records without a valid date get 2024-01-01
  3. when SHARED_DIR (normally ../shared) exists:
       petrarch/text/GigaWord.sample.PETR.xml      <Text> of each <Sentence>, date attribute
       petrarch/text/PETR2_GSR_validation.ud.xml   <Text> of each <Sentence>, date attribute
       tabari/Validate.text                         story text of each "YYMMDD  ID" record
                                                    (up to the "end of the standard validation
                                                    records" marker; /* ... */ comments removed;
                                                    records with control characters skipped)
The list of base records is then repeated (ids get a "-rN" suffix) until the output reaches
TARGET_BYTES. A summary line goes to stderr; the output is never committed (build/bench/).
"""
import datetime
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATE = "2024-01-01"


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


def read_text_file(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\0" in text:
        return None
    return text


def text_article(ident, text):
    """A .txt article: an optional leading "date YYYY-MM-DD" token gives the date."""
    date = DEFAULT_DATE
    m = re.match(r"\s*date\s+(\S+)\s+", text)
    if m and valid_date(m.group(1)):
        date = valid_date(m.group(1))
        text = text[m.end():]
    text = text.strip()
    if not text:
        return None
    return {"id": ident, "date": date, "text": text}


def from_project():
    out = []
    ex = os.path.join(ROOT, "examples", "2024-02-02-gaza-hostage-talks.txt")
    t = read_text_file(ex)
    if t is not None:
        a = text_article("example-gaza", t)
        if a:
            out.append(a)
    golden = os.path.join(ROOT, "tests", "golden", "cli")
    files = []
    for dirpath, dirnames, filenames in os.walk(golden):
        dirnames.sort()
        for fn in sorted(filenames):
            files.append(os.path.join(dirpath, fn))
    for path in sorted(files):
        rel = os.path.relpath(path, golden)
        fn = os.path.basename(path)
        if fn in ("cmd", "status", "stdout", "stderr"):
            continue
        tag = "golden-" + re.sub(r"[^A-Za-z0-9]+", "-", rel).strip("-")
        t = read_text_file(path)
        if t is None:
            continue
        if fn.endswith(".jsonl"):
            for n, line in enumerate(t.splitlines(), 1):
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    continue
                text = rec["text"].strip()
                if not text:
                    continue
                date = valid_date(str(rec.get("date", ""))) or DEFAULT_DATE
                out.append({"id": "%s-%d" % (tag, n), "date": date, "text": text})
        elif fn.endswith(".txt") or fn == "stdin":
            a = text_article(tag, t)
            if a:
                out.append(a)
    return out


SENTENCE_RE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
TEXT_RE = re.compile(r"<Text>(.*?)</Text>", re.S)
ATTR_RE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def from_petrarch_xml(path, prefix):
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
        if not text:
            continue
        date = valid_date(attrs.get("date", "")) or DEFAULT_DATE
        ident = "%s-%s" % (prefix, attrs.get("id", str(len(out) + 1)))
        out.append({"id": ident, "date": date, "text": text})
    return out


TABARI_HEAD = re.compile(r"^(\d{6})\s+(\S+)(?:\s+(\S+))?\s*$")


def from_tabari_text(path):
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
        if m.group(3) and re.fullmatch(r"\d{6}", ident):   # "950101  950101  AGENTS-11"
            ident = m.group(3)
        i += 1
        body = []
        while i < len(lines) and not TABARI_HEAD.match(lines[i]):
            body.append(lines[i])
            i += 1
        text = "\n".join(body)
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)   # the record's comment/answer key
        text = re.sub(r"(?m)^#.*$", " ", text)
        text = text.replace("\\n", " ")
        text = clean_ws(text)
        if text.startswith("This is the end of the standard validation records"):
            break
        if not text or ident.startswith("START") or ident.startswith("TIME-"):
            continue
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text):
            continue    # DEBUG-21/22 hold ^Z table separators; dyad rightly rejects them as binary
        out.append({"id": "tabari-%s" % ident, "date": date or DEFAULT_DATE, "text": text})
    return out


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: make_corpus.py OUT.jsonl TARGET_BYTES [SHARED_DIR]\n")
        return 2
    out_path, target = sys.argv[1], int(sys.argv[2])
    shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, "..", "shared")

    base = from_project()
    counts = {"project": len(base)}
    if os.path.isdir(shared):
        for rel, fn, key in (
            ("petrarch/text/GigaWord.sample.PETR.xml",
             lambda p: from_petrarch_xml(p, "gigaword"), "gigaword"),
            ("petrarch/text/PETR2_GSR_validation.ud.xml",
             lambda p: from_petrarch_xml(p, "petr2gsr"), "petr2gsr"),
            ("tabari/Validate.text", from_tabari_text, "tabari"),
        ):
            p = os.path.join(shared, rel)
            if os.path.isfile(p):
                recs = fn(p)
                counts[key] = len(recs)
                base.extend(recs)
            else:
                counts[key] = "missing"
    else:
        counts["shared"] = "absent (%s)" % shared
    if not base:
        sys.stderr.write("make_corpus: no source records found\n")
        return 1

    lines = []
    for rec in base:
        lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=False))
    base_bytes = sum(len(l.encode("utf-8")) + 1 for l in lines)

    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    total = 0
    n = 0
    rep = 0
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        while total < target:
            for rec in base:
                r = dict(rec)
                if rep:
                    r["id"] = "%s-r%d" % (rec["id"], rep)
                line = json.dumps(r, ensure_ascii=False) + "\n"
                f.write(line)
                total += len(line.encode("utf-8"))
                n += 1
                if total >= target:
                    break
            rep += 1
    os.replace(tmp, out_path)
    sys.stderr.write("make_corpus: %s: %d articles, %d bytes (%d distinct records of %d bytes, "
                     "repeated %d times; sources %s)\n"
                     % (out_path, n, total, len(base), base_bytes, rep,
                        ", ".join("%s=%s" % kv for kv in counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
