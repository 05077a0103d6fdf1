#!/usr/bin/env python3
"""Measure dyad against the dev sets in ../shared (docs/EVAL.md).

Usage:
    python3 tools/eval.py [--bin build/dyad] [--shared ../shared] [--build]
                          [--set codebook,gsr,seed] [--statements on|off]
                          [--show-misses N] [--json FILE]

Runs `dyad code --format jsonl` on three dev sets and prints precision / recall / F1:

  codebook  the example sentences of every code in ../shared/cameo/cameo_codes.json. Each
            example is one article dated 2000-01-01 (--codebook-date). Actors are unknown,
            so only the code counts: hit = dyad emits at least one event with the example's
            code (exact) or root (first two digits); precision = share of emitted events
            whose code / root is the example's; "none" = examples with no event at all.
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
import json
import os
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


def country3(code):
    """First three letters of an actor code; '---' when there is no actor."""
    if not code or code.startswith("---"):
        return "---"
    return code[:3]


# ---------------------------------------------------------------- codebook examples

def eval_codebook(binary, shared, args):
    path = os.path.join(shared, "cameo", "cameo_codes.json")
    if not os.path.exists(path):
        print("eval: skipping codebook set: %s not found" % path)
        return None
    with open(path, encoding="utf-8") as f:
        codes = json.load(f)
    articles, expect = [], {}
    for code in sorted(codes):
        for i, text in enumerate(codes[code].get("examples") or []):
            aid = "cb-%s-%d" % (code, i)
            articles.append({"id": aid, "date": args.codebook_date, "text": text})
            expect[aid] = code
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
    }
    for lvl in ("root", "exact"):
        p, r = res[lvl]["precision"], res[lvl]["recall"]
        res[lvl]["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    print("== codebook examples (%s): %d examples, %d events, %d with no event"
          % (os.path.relpath(path, ROOT), n, npred, none))
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
    ap.add_argument("--show-misses", type=int, default=0, metavar="N",
                    help="list up to N misses per set (for dictionary work, not for docs)")
    ap.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    args = ap.parse_args()

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
